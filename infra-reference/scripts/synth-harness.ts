// Runs the real sst.config.ts with SST's real components under Pulumi mocks and prints every registered resource
// as JSON. Bundled by scripts/synth.mjs into .sst/platform/ so that `@pulumi/*` and SST's sources resolve from the
// platform `sst install` wrote. What the SST CLI normally provides (globals, the RPC server, the default provider)
// is provided here; see scripts/synth.mjs for the RPC stand-in.
import crypto from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

type Recorded = { type: string; name: string; inputs: Record<string, unknown> };

const stage = process.env.SYNTH_STAGE ?? 'dev';
const root = process.env.SYNTH_ROOT ?? process.cwd();
const platform = process.env.SYNTH_PLATFORM ?? `${root}/.sst/platform`;
const region = process.env.SYNTH_REGION ?? 'us-east-1';
const account = '123456789012';
const recorded: Recorded[] = [];
const reads: { type: string; name: string; id: string }[] = [];
const byId = new Map<string, Record<string, unknown>>();
/** What every `random.RandomPassword` "generates" in the synth (tests compare hashes of it). */
const SYNTH_RANDOM_PASSWORD = 'synth-stand-in-for-a-random-password';

function arnFor(type: string, name: string): string {
  const [, mod] = type.split(':');
  const service = (mod ?? 'x').split('/')[0];
  return `arn:aws:${service}:${region}:${account}:${name}`;
}

// SST suffixes physical names with random letters (crypto.randomBytes in its naming helper). Resources are
// created in an order that depends on async timing, so a seeded sequence would still shuffle suffixes between
// runs; constant bytes give every physical name the same suffix and the synth the same text on every run.
const randomBytes = crypto.randomBytes;
(crypto as { randomBytes: unknown }).randomBytes = (n: number, cb?: unknown) => {
  if (cb) return randomBytes(n, cb as never);
  return Buffer.alloc(n, 0x5e);
};

pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read (`Resource.get`) of something this program created answers with what it was created with.
      if (args.id) {
        reads.push({ type: args.type, name: args.name, id: args.id });
        const own = byId.get(args.id);
        return { id: args.id, state: { ...(own ?? {}), id: args.id } };
      }
      recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
      const id = `${args.name}-id`;
      const state: Record<string, unknown> = {
        ...args.inputs,
        arn: args.inputs.arn ?? arnFor(args.type, args.name),
        name: args.inputs.name ?? args.name,
        id,
      };
      if (args.type === 'aws:grafana/workspace:Workspace')
        state.endpoint = `${id}.grafana-workspace.${region}.amazonaws.com`;
      if (args.type === 'aws:apigatewayv2/api:Api')
        state.apiEndpoint = `https://${id}.execute-api.${region}.amazonaws.com`;
      if (args.type === 'aws:lb/loadBalancer:LoadBalancer') {
        state.dnsName = `${args.name}.${region}.elb.amazonaws.com`;
        state.arnSuffix = `app/${args.name}/0123456789abcdef`;
      }
      if (args.type === 'aws:lb/targetGroup:TargetGroup')
        state.arnSuffix = `targetgroup/${args.name}/0123456789abcdef`;
      if (args.type === 'aws:iam/role:Role')
        state.arn = `arn:aws:iam::${account}:role/${args.inputs.name ?? args.name}`;
      if (args.type === 'aws:cloudfront/distribution:Distribution')
        state.domainName = `${args.name}.cloudfront.net`;
      if (args.type === 'aws:s3/bucket:Bucket') {
        state.bucket = args.inputs.bucket ?? args.name.toLowerCase();
        state.arn = `arn:aws:s3:::${state.bucket}`;
        state.bucketDomainName = `${state.bucket}.s3.amazonaws.com`;
        state.bucketRegionalDomainName = `${state.bucket}.s3.${region}.amazonaws.com`;
      }
      if (args.type === 'aws:ecs/cluster:Cluster') state.name = args.inputs.name ?? args.name;
      if (args.type === 'aws:sqs/queue:Queue')
        state.url = `https://sqs.${region}.amazonaws.com/${account}/${args.name}`;
      // A generated secret has no value under mocks; a fixed stand-in keeps the synth stable (and is obviously not
      // a real one). Its outputs stay secret where the program uses them, as with the real provider.
      if (args.type === 'random:index/randomPassword:RandomPassword') state.result = SYNTH_RANDOM_PASSWORD;
      byId.set(id, state);
      return { id, state };
    },
    call(args) {
      switch (args.token) {
        case 'aws:index/getRegion:getRegion':
          return { name: region, region, id: region, description: region };
        case 'aws:index/getCallerIdentity:getCallerIdentity':
          return {
            accountId: account,
            arn: `arn:aws:iam::${account}:user/synth`,
            userId: 'synth',
            id: account,
          };
        case 'aws:index/getPartition:getPartition':
          return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws' };
        case 'aws:index/getAvailabilityZones:getAvailabilityZones':
          return {
            names: [`${region}a`, `${region}b`, `${region}c`],
            zoneIds: ['use1-az1', 'use1-az2', 'use1-az4'],
          };
        case 'aws:lb/getTargetGroup:getTargetGroup':
          return {
            name: args.inputs.name,
            arn: `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${args.inputs.name}/0123456789abcdef`,
            arnSuffix: `targetgroup/${args.inputs.name}/0123456789abcdef`,
          };
        case 'aws:iam/getPolicyDocument:getPolicyDocument':
          return {
            json: JSON.stringify(policyDocument(args.inputs.statements ?? [])),
            statements: args.inputs.statements,
          };
        default:
          process.stderr.write(`synth: unanswered data source ${args.token}\n`);
          return {};
      }
    },
  },
  'usermetrics',
  stage,
  false,
);

type Stmt = {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
};

/** What aws.iam.getPolicyDocument renders: the IAM JSON of Pulumi-style statements. */
function policyDocument(statements: Stmt[]) {
  const one = (v: string[] | undefined) => (v && v.length === 1 ? v[0] : v);
  return {
    Version: '2012-10-17',
    Statement: statements.map((s) => {
      const out: Record<string, unknown> = {
        Effect: s.effect === 'Deny' || s.effect === 'deny' ? 'Deny' : 'Allow',
      };
      if (s.sid) out.Sid = s.sid;
      if (s.actions) out.Action = one(s.actions);
      if (s.notActions) out.NotAction = one(s.notActions);
      if (s.resources) out.Resource = one(s.resources);
      if (s.principals) {
        const p: Record<string, unknown> = {};
        for (const pr of s.principals) p[pr.type === '*' ? 'AWS' : pr.type] = one(pr.identifiers);
        out.Principal = s.principals.length === 1 && s.principals[0].type === '*' ? '*' : p;
      }
      if (s.conditions) {
        const c: Record<string, Record<string, unknown>> = {};
        for (const cond of s.conditions)
          c[cond.test] = { ...(c[cond.test] ?? {}), [cond.variable]: one(cond.values) };
        out.Condition = c;
      }
      return out;
    }),
  };
}

async function main() {
  const { runInPulumiStack } = await import('@pulumi/pulumi/runtime/stack.js');
  const shim = await import('./src/shim/run.js');
  Object.assign(globalThis, shim);
  // `synth-config` is aliased to the app's sst.config.ts by scripts/synth.mjs.
  const config = (await import('synth-config')).default;
  const app = await config.app({ stage });
  Object.assign(globalThis, {
    $app: {
      name: app.name,
      stage,
      removal: app.removal ?? 'retain',
      protect: app.protect ?? false,
      providers: app.providers ?? {},
    },
    $dev: false,
    $cli: {
      command: 'deploy',
      paths: { root, work: `${root}/.sst`, platform },
      state: { version: {} },
      home: 'aws',
    },
  });
  // Components read $app/$cli when their modules load, so they are imported only now.
  Object.assign(globalThis, {
    sst: await import('./src/components/index'),
    aws: await import('@pulumi/aws'),
    grafana: await import('@pulumiverse/grafana'),
    random: await import('@pulumi/random'),
  });
  // The default providers the CLI would configure from `app().providers`; mocks do not register them, so they are
  // recorded here with exactly the arguments the CLI passes (default tags included).
  for (const [pkg, value] of Object.entries(app.providers ?? {})) {
    const {
      version,
      package: _p,
      ...inputs
    } = typeof value === 'string' ? { version: value } : (value as Record<string, unknown>);
    recorded.push({ type: `pulumi:providers:${pkg}`, name: 'default', inputs: { ...inputs, version } });
  }
  const { run } = await import('./src/auto/run');
  const outputs = await runInPulumiStack(() => run(() => config.run()));
  await (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs?.();
  for (let i = 0; i < 20; i++) {
    const before = recorded.length;
    await new Promise((r) => setTimeout(r, 50));
    if (recorded.length === before) break;
  }
  const plain = await new Promise((resolve) => pulumi.output(outputs ?? {}).apply((v) => resolve(v)));
  process.stdout.write(`${JSON.stringify({ stage, resources: recorded, reads, outputs: plain })}\n`);
}

main().catch((err) => {
  process.stderr.write(`synth failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
