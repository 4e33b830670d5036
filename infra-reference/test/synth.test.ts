// Assertions on the offline synth of the real sst.config.ts (dev and prod), see scripts/synth.mjs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, subnetLayout } from '../infra/config';
import { CLOUDWATCH_READ_ACTIONS } from '../infra/iam-actions';
import { REQUIRED_TAG_KEYS, TAGGABLE_TYPES } from '../infra/tags';
import {
  first,
  type Json,
  list,
  loadSynth,
  ofType,
  one,
  policyStatements,
  root,
  type Synth,
} from './synth-data';

const stages = ['dev', 'prod'] as const;
const synths = { dev: loadSynth('dev'), prod: loadSynth('prod') } satisfies Record<
  (typeof stages)[number],
  Synth
>;
const awsTypes = join(root, '.sst/platform/node_modules/@pulumi/aws');

/** Does the AWS provider's `<Resource>Args` declare `tags`? Read from the provider's own type definitions. */
function providerSaysTaggable(type: string): boolean {
  const m = /^aws:([a-zA-Z0-9]+)\/([a-zA-Z0-9]+):([A-Za-z0-9]+)$/.exec(type);
  if (!m?.[1] || !m[2]) return false;
  const file = join(awsTypes, m[1] === 'index' ? '' : m[1], `${m[2]}.d.ts`);
  if (!existsSync(file)) throw new Error(`no type definitions for ${type} at ${file}`);
  const body =
    new RegExp(`export interface ${m[3]}Args \\{([\\s\\S]*?)\\n\\}`).exec(readFileSync(file, 'utf8'))?.[1] ??
    '';
  return /\n\s+tags\?:/.test(body);
}

/** A value that looks like a credential rather than a name, ARN, URL without userinfo, or number. */
export function looksSecret(key: string, value: string): boolean {
  if (!value) return false;
  if (/^arn:aws/.test(value)) return false;
  if (/AKIA[0-9A-Z]{16}/.test(value)) return true;
  if (/:\/\/[^/\s:@]+:[^/\s@]+@/.test(value)) return true; // user:password@ in a URL
  if (/(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_?KEY)/i.test(key)) return true;
  return /^[A-Za-z0-9+/=_-]{32,}$/.test(value) && !/^[a-z0-9-]+$/.test(value);
}

describe('looksSecret (the detector the environment checks rely on)', () => {
  it('flags credentials and leaves names alone', () => {
    expect(looksSecret('X', 'AKIAABCDEFGHIJKLMNOP')).toBe(true);
    expect(looksSecret('DATABASE_URL', 'postgresql://umami_user:hunter2@db:5432/app')).toBe(true);
    expect(looksSecret('APP_SECRET', 'abc')).toBe(true);
    expect(looksSecret('X', 'q8Jr2NcV0pZy7LmW4tKe9sHd3fGb6aUx1oIw')).toBe(true);
    expect(looksSecret('S3_BUCKET_WEB', 'usermetrics-prod-replays-123456789012-us-east-1')).toBe(false);
    expect(looksSecret('USERMETRICS_ALLOWED_ORIGINS', 'https://app.example.com')).toBe(false);
  });
});

describe.each(stages)('synth of %s', (stage) => {
  const s = synths[stage];
  const cfg = resolveConfig(stage);
  const provider = one(s, 'pulumi:providers:aws', 'default');
  const defaultTags: Record<string, string> = provider.inputs.defaultTags?.tags ?? {};

  it('is the stage it says, made of real SST components', () => {
    expect(s.stage).toBe(stage);
    for (const t of [
      'sst:aws:ApiGatewayV2',
      'sst:aws:Function',
      'sst:aws:Bucket',
      'sst:aws:Service',
      'sst:aws:Cluster',
    ]) {
      expect(ofType(s, t).length, t).toBeGreaterThan(0);
    }
  });

  it('the AWS provider carries the five base tags as default tags', () => {
    expect(defaultTags).toEqual({
      Project: 'UserMetrics',
      Environment: stage,
      ManagedBy: 'SST',
      CostCenter: 'Observability',
      Owner: cfg.owner,
    });
  });

  it('every taggable resource carries every required tag, Component and Function from the schema', () => {
    const taggable = s.resources.filter((r) => r.type.startsWith('aws:') && providerSaysTaggable(r.type));
    expect(taggable.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const r of taggable) {
      // The resource's own tags (not only the provider defaults) must be complete: they are what the transform set.
      const tags = r.inputs.tags ?? {};
      for (const k of REQUIRED_TAG_KEYS) if (!tags[k]) missing.push(`${r.type} ${r.name}: ${k}`);
      if (tags.Environment && tags.Environment !== stage)
        missing.push(`${r.name}: Environment=${tags.Environment}`);
    }
    expect(missing).toEqual([]);
    // The hand list the transform uses covers everything the provider calls taggable.
    const notListed = [...new Set(taggable.map((r) => r.type))].filter((t) => !TAGGABLE_TYPES.has(t));
    expect(notListed).toEqual([]);
  });

  it('storage resources carry DataType', () => {
    for (const b of ofType(s, 'aws:s3/bucket:Bucket'))
      expect(b.inputs.tags.DataType, b.name).toMatch(/^(Sessions|Logs|Metrics|Analytics)$/);
    expect(one(s, 'aws:s3/bucket:Bucket', 'ReplayBucketBucket').inputs.tags).toMatchObject({
      Component: 'OpenReplay',
      Function: 'SessionReplay',
      DataType: 'Sessions',
    });
  });

  it(`every log group keeps ${stage === 'prod' ? 90 : 7} days`, () => {
    const groups = ofType(s, 'aws:cloudwatch/logGroup:LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) expect(g.inputs.retentionInDays, g.name).toBe(stage === 'prod' ? 90 : 7);
  });

  it('buckets: public access blocked, SSE-S3, Intelligent-Tiering; replays expire after 30 days', () => {
    const buckets = ofType(s, 'aws:s3/bucket:Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    const blocks = ofType(s, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock');
    const enc = ofType(
      s,
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    );
    const life = ofType(s, 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration');
    for (const b of buckets) {
      const name = b.inputs.bucket;
      const block = blocks.find((x) => x.inputs.bucket === name);
      expect(block?.inputs, `public access block of ${b.name}`).toMatchObject({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(
        enc.find((x) => x.inputs.bucket === name)?.inputs.rules[0].applyServerSideEncryptionByDefault
          .sseAlgorithm,
      ).toBe('AES256');
      const rules = life.find((x) => x.inputs.bucket === name)?.inputs.rules ?? [];
      expect(
        rules.flatMap((r: Json) => r.transitions ?? []),
        b.name,
      ).toContainEqual({ days: 0, storageClass: 'INTELLIGENT_TIERING' });
    }
    const replay = one(s, 'aws:s3/bucket:Bucket', 'ReplayBucketBucket').inputs.bucket;
    expect(life.find((x) => x.inputs.bucket === replay)?.inputs.rules[0].expiration).toEqual({ days: 30 });
  });

  it('replay objects: everyone but the OpenReplay task role is denied', () => {
    const policy = JSON.parse(one(s, 'aws:s3/bucketPolicy:BucketPolicy', 'ReplayBucketPolicy').inputs.policy);
    const deny = policy.Statement.find((st: Json) => st.Effect === 'Deny' && st.Condition?.ArnNotEquals);
    expect(deny.Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    expect(deny.Condition.ArnNotEquals['aws:PrincipalArn']).toMatch(/:role\/.*OpenReplayTaskRole/);
    const sm = JSON.parse(one(s, 'aws:s3/bucketPolicy:BucketPolicy', 'SourcemapBucketPolicy').inputs.policy);
    const smDeny = sm.Statement.find((st: Json) => st.Effect === 'Deny' && st.Condition?.ArnNotEquals);
    expect(smDeny.Condition.ArnNotEquals['aws:PrincipalArn']).toMatch(/:role\/.*ErrorReportFunctionRole/);
  });

  it('network: a 10.x.y.0/24, public /27s and private /26s over two AZs, exactly one NAT gateway', () => {
    const vpcs = ofType(s, 'aws:ec2/vpc:Vpc');
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]?.inputs.cidrBlock).toBe(cfg.vpcCidr);
    const subnets = ofType(s, 'aws:ec2/subnet:Subnet');
    const layout = subnetLayout(cfg.vpcCidr);
    expect(subnets.map((x) => x.inputs.cidrBlock).sort()).toEqual(
      [...layout.public, ...layout.private].sort(),
    );
    expect(new Set(subnets.map((x) => x.inputs.availabilityZone)).size).toBe(2);
    expect(ofType(s, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
    const privateRt = one(s, 'aws:ec2/routeTable:RouteTable', 'PrivateRouteTable');
    expect(privateRt.inputs.routes[0]).toMatchObject({
      cidrBlock: '0.0.0.0/0',
      natGatewayId: 'NatGateway-id',
    });
  });

  it('ingestion API: both routes, throttling, JSON access logs, CORS from config', () => {
    const routes = ofType(s, 'aws:apigatewayv2/route:Route')
      .map((r) => r.inputs.routeKey)
      .sort();
    expect(routes).toEqual(['POST /errors/report', 'POST /metrics/web-vitals']);
    const stageRes = first(s, 'aws:apigatewayv2/stage:Stage');
    expect(stageRes.inputs.defaultRouteSettings).toMatchObject({
      throttlingRateLimit: cfg.throttle.rateLimit,
      throttlingBurstLimit: cfg.throttle.burstLimit,
    });
    const format = stageRes.inputs.accessLogSettings.format;
    expect(() => JSON.parse(format.replace(/\$context\.[A-Za-z.]+/g, '1'))).not.toThrow();
    expect(stageRes.inputs.accessLogSettings.destinationArn).toBeTruthy();
    const cors = first(s, 'aws:apigatewayv2/api:Api').inputs.corsConfiguration;
    expect(cors.allowOrigins).toEqual(cfg.corsOrigins);
    if (stage === 'prod') expect(cors.allowOrigins.join()).not.toContain('*');
  });

  it('ingestion Lambdas: nodejs22.x on arm64, handlers from handlers/, configured from environment', () => {
    const fns = ofType(s, 'aws:lambda/function:Function').filter((f) =>
      /^(WebVitals|ErrorReport)Function/.test(f.name),
    );
    expect(fns).toHaveLength(2);
    for (const f of fns) {
      expect(f.inputs.runtime).toBe('nodejs22.x');
      expect(f.inputs.architectures).toEqual(['arm64']);
      expect(f.inputs.environment.variables.USERMETRICS_ENVIRONMENT).toBe(stage);
      expect(f.inputs.environment.variables.USERMETRICS_ALLOWED_ORIGINS).toBe(cfg.corsOrigins.join(','));
      expect(f.inputs.tracingConfig.mode).toBe(cfg.tracing ? 'Active' : 'PassThrough');
    }
    const errors = fns.find((f) => f.name === 'ErrorReportFunctionFunction');
    expect(errors?.inputs.environment.variables).toMatchObject({
      SOURCEMAP_BUCKET: expect.stringMatching(/^usermetrics-.*-sourcemaps-/),
      SOURCEMAP_PREFIX: cfg.sourcemapPrefix,
    });
  });

  it('no secret-looking value in any Lambda or container environment; Umami secrets come as ECS secrets', () => {
    const envs: [string, string, string][] = [];
    for (const f of ofType(s, 'aws:lambda/function:Function')) {
      for (const [k, v] of Object.entries(f.inputs.environment?.variables ?? {}))
        envs.push([f.name, k, String(v)]);
    }
    const taskDefs = ofType(s, 'aws:ecs/taskDefinition:TaskDefinition');
    for (const t of taskDefs) {
      for (const c of JSON.parse(t.inputs.containerDefinitions)) {
        for (const e of c.environment ?? []) envs.push([`${t.name}/${c.name}`, e.name, e.value]);
      }
    }
    expect(envs.length).toBeGreaterThan(20);
    expect(envs.filter(([, k, v]) => looksSecret(k, v))).toEqual([]);
    const umami = taskDefs.find((t) => t.name === 'UmamiTask');
    if (cfg.aurora) {
      const c = JSON.parse(umami!.inputs.containerDefinitions)[0];
      expect(c.image).toBe(cfg.umami.image);
      expect(c.secrets.map((x: Json) => x.name).sort()).toEqual([
        'APP_SECRET',
        'DB_HOST',
        'DB_NAME',
        'DB_PASSWORD',
        'DB_PORT',
        'DB_USER',
      ]);
      expect(c.secrets.every((x: Json) => x.valueFrom.startsWith('arn:aws:secretsmanager:'))).toBe(true);
      // The database parts are JSON-key references into the one rotated secret, never whole-secret values.
      const db = c.secrets.filter((x: Json) => x.name.startsWith('DB_'));
      for (const x of db)
        expect(x.valueFrom, x.name).toMatch(/:UmamiDatabaseSecret:(host|port|username|password|dbname)::$/);
      expect(db.find((x: Json) => x.name === 'DB_PASSWORD').valueFrom).toMatch(/:password::$/);
      const envNames = (c.environment ?? []).map((e: Json) => e.name);
      for (const n of ['DATABASE_URL', 'DB_PASSWORD', 'DB_USER']) expect(envNames).not.toContain(n);
      // DATABASE_URL is built in the container from those parts, then Umami's own CMD runs.
      expect(c.command.slice(0, 2)).toEqual(['sh', '-c']);
      expect(c.command[2]).toContain('?schema=umami');
      expect(c.command[2]).toMatch(/exec pnpm start-docker$/);
      expect(c.command[2]).not.toMatch(/postgresql:\/\/[^$]*:[^$]*@/);
    } else {
      expect(umami).toBeUndefined();
    }
  });

  it('Umami database secret rotates on the configured schedule by AWS single-user PostgreSQL rotation', () => {
    const rotations = ofType(s, 'aws:secretsmanager/secretRotation:SecretRotation');
    if (!cfg.aurora) {
      expect(rotations).toEqual([]);
      return;
    }
    expect(rotations).toHaveLength(1);
    const r = rotations[0]!;
    expect(r.inputs.secretId).toBe('UmamiDatabaseSecret-id');
    expect(r.inputs.rotationRules.automaticallyAfterDays).toBe(cfg.umami.passwordRotationDays);
    const app = one(
      s,
      'aws:serverlessrepository/cloudFormationStack:CloudFormationStack',
      'UmamiRotationFunction',
    );
    expect(app.inputs.applicationId).toMatch(/:applications\/SecretsManagerRDSPostgreSQLRotationSingleUser$/);
    expect(r.inputs.rotationLambdaArn).toMatch(
      new RegExp(`:function:${app.inputs.parameters.functionName}$`),
    );
    expect(app.inputs.parameters.vpcSubnetIds.split(',').sort()).toEqual([
      'PrivateSubnet1-id',
      'PrivateSubnet2-id',
    ]);
    expect(app.inputs.parameters.vpcSecurityGroupIds).toBe('UmamiRotationSecurityGroup-id');
    if (cfg.aurora.securityGroupId) {
      const ingress = one(
        s,
        'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
        'AuroraFromUmamiRotation',
      );
      expect(ingress.inputs).toMatchObject({
        securityGroupId: cfg.aurora.securityGroupId,
        referencedSecurityGroupId: 'UmamiRotationSecurityGroup-id',
        fromPort: cfg.aurora.port,
        toPort: cfg.aurora.port,
      });
    }
  });

  it('services: sizes, Spot outside prod, auto-scaling bounds from config', () => {
    const services = ofType(s, 'aws:ecs/service:Service');
    for (const svc of services) {
      const strategies = svc.inputs.capacityProviderStrategies ?? [];
      const spot = strategies.some((x: Json) => x.capacityProvider === 'FARGATE_SPOT' && x.weight > 0);
      expect(spot, svc.name).toBe(stage !== 'prod');
    }
    const or = one(s, 'aws:ecs/taskDefinition:TaskDefinition', 'OpenReplayTask');
    expect(or.inputs).toMatchObject({ cpu: '512', memory: '1024' });
    const images = JSON.parse(or.inputs.containerDefinitions).map((c: Json) => c.image);
    expect(
      images
        .filter((i: string) => i.includes('p1t3u8a3'))
        .every((i: string) => i.endsWith(`:${cfg.openreplay.version}`)),
    ).toBe(true);
    const targets = ofType(s, 'aws:appautoscaling/target:Target');
    expect(targets.map((t) => [t.inputs.minCapacity, t.inputs.maxCapacity])).toContainEqual([
      cfg.openreplay.minTasks,
      cfg.openreplay.maxTasks,
    ]);
  });

  it('no IAM statement allows * actions on * resources', () => {
    const statements = policyStatements(s);
    expect(statements.length).toBeGreaterThan(5);
    const bad = statements.filter(
      ({ statement: st }) =>
        st.Effect === 'Allow' &&
        list(st.Action).some((a) => a === '*' || a.endsWith(':*')) &&
        list(st.Resource).includes('*'),
    );
    expect(bad).toEqual([]);
  });

  it('alarms to SNS: error rate by metric math, p95 duration, LCP p75, Aurora when given; e-mail subscribed', () => {
    const alarms = ofType(s, 'aws:cloudwatch/metricAlarm:MetricAlarm');
    const math = alarms.filter((a) =>
      a.inputs.metricQueries?.some((q: Json) => q.expression?.includes('errors / invocations')),
    );
    expect(math).toHaveLength(2);
    expect(math.every((a) => a.inputs.threshold === cfg.alarms.errorRatePercent)).toBe(true);
    expect(
      alarms.filter((a) => a.inputs.extendedStatistic === 'p95' && a.inputs.metricName === 'Duration'),
    ).toHaveLength(2);
    const lcp = alarms.find((a) => a.inputs.metricName === 'LargestContentfulPaint');
    expect(lcp?.inputs).toMatchObject({
      extendedStatistic: 'p75',
      dimensions: { environment: stage },
      namespace: 'UserMetrics/Frontend',
    });
    expect(alarms.filter((a) => a.inputs.metricName === 'UnHealthyHostCount').length).toBeGreaterThanOrEqual(
      cfg.aurora ? 4 : 3,
    );
    expect(alarms.filter((a) => a.inputs.namespace === 'AWS/RDS')).toHaveLength(cfg.aurora ? 2 : 0);
    const topic = `arn:aws:sns:${cfg.region}:123456789012:AlarmTopic`;
    expect(alarms.every((a) => a.inputs.alarmActions?.includes(topic))).toBe(true);
    expect(first(s, 'aws:sns/topicSubscription:TopicSubscription').inputs).toMatchObject({
      protocol: 'email',
      endpoint: cfg.alarmEmail,
    });
  });

  it('budget: $150 a month on Project=UserMetrics, alerts at 80 % and 100 %', () => {
    const budget = first(s, 'aws:budgets/budget:Budget');
    expect(budget.inputs).toMatchObject({ limitAmount: '150', limitUnit: 'USD', timeUnit: 'MONTHLY' });
    expect(budget.inputs.costFilters).toEqual([
      { name: 'TagKeyValue', values: ['user:Project$UserMetrics'] },
    ]);
    expect(budget.inputs.notifications.map((n: Json) => n.threshold)).toEqual([80, 100]);
  });

  it('Grafana: AWS SSO workspace with CloudWatch, CloudWatch Logs and OpenSearch data sources', () => {
    const ws = first(s, 'aws:grafana/workspace:Workspace');
    expect(ws.inputs.authenticationProviders).toEqual(['AWS_SSO']);
    const ds = ofType(s, 'grafana:oss/dataSource:DataSource').map((d) => [d.inputs.name, d.inputs.type]);
    expect(ds.sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
      ...(cfg.costReport ? [['Athena (CUR)', 'grafana-athena-datasource']] : []),
      ['CloudWatch', 'cloudwatch'],
      ['CloudWatch Logs', 'cloudwatch'],
      ['OpenSearch logs', 'grafana-opensearch-datasource'],
    ]);
    const files = existsSync(join(root, 'dashboards')) ? readdirJson(join(root, 'dashboards')) : [];
    expect(ofType(s, 'grafana:oss/dashboard:Dashboard')).toHaveLength(files.length);
  });
});

function readdirJson(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json'));
}

describe('committed .synth/ matches the code', () => {
  it.each(stages)('%s', (stage) => {
    const committed = loadSynth(stage, '.synth');
    expect(committed, 'run `npm run synth -w infra-reference` and commit .synth/').toEqual(synths[stage]);
  });
});

describe.each(['dev', 'prod'] as const)('logs → OpenSearch in the %s synth', (stage) => {
  const s = loadSynth(stage);
  const cfg = resolveConfig(stage);
  const forwarder = one(s, 'aws:lambda/function:Function', 'LogForwarderFunction');

  it('the forwarder runs functions/log-forwarder.handler with the endpoint (scheme included) and index prefix', () => {
    expect(forwarder.inputs.handler).toBe('log-forwarder.handler');
    expect(forwarder.inputs.environment.variables).toMatchObject({
      OPENSEARCH_ENDPOINT: expect.stringMatching(/^https:\/\//),
      INDEX_PREFIX: cfg.opensearch.indexPrefix,
    });
  });

  it('every instrumented log group has one subscription filter to the forwarder; its own group has none', () => {
    const filters = ofType(s, 'aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter').filter((f) =>
      f.name.startsWith('LogForwarderSubscription-'),
    );
    const lambdaGroups = ofType(s, 'aws:cloudwatch/logGroup:LogGroup')
      .filter((g) => /(WebVitals|ErrorReport)Function/.test(g.name))
      .map((g) => g.inputs.name);
    const expected = [...lambdaGroups, ...cfg.instrumentedLogGroups].sort();
    expect(expected.length).toBe(2 + cfg.instrumentedLogGroups.length);
    expect(filters.map((f) => f.inputs.logGroup).sort()).toEqual(expected);
    for (const f of filters)
      expect(f.inputs.destinationArn).toBe(`arn:aws:lambda:${cfg.region}:123456789012:LogForwarderFunction`);
    const own = one(s, 'aws:cloudwatch/logGroup:LogGroup', 'LogForwarderLogGroup').inputs.name;
    expect(filters.map((f) => f.inputs.logGroup)).not.toContain(own);
    const perms = ofType(s, 'aws:lambda/permission:Permission').filter((p) =>
      p.name.startsWith('LogForwarderInvoke-'),
    );
    expect(perms.map((p) => p.inputs.sourceArn).sort()).toEqual(
      expected.map((g) => `arn:aws:logs:${cfg.region}:123456789012:log-group:${g}:*`).sort(),
    );
  });

  it('a failed batch goes to an SQS on-failure destination', () => {
    const queue = one(s, 'aws:sqs/queue:Queue', 'LogForwarderFailures');
    expect(queue.inputs.messageRetentionSeconds).toBe(1209600);
    const config = one(
      s,
      'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
      'LogForwarderInvokeConfig',
    );
    expect(config.inputs.destinationConfig.onFailure.destination).toBe(
      `arn:aws:sqs:${cfg.region}:123456789012:LogForwarderFailures`,
    );
  });

  it('index template and ISM policy are applied at deploy from the committed files', () => {
    const run = one(s, 'aws:lambda/invocation:Invocation', 'OpenSearchSetupRun');
    const input = JSON.parse(run.inputs.input);
    expect(input.indexTemplate).toEqual(
      JSON.parse(readFileSync(join(root, 'opensearch/index-template.json'), 'utf8')),
    );
    expect(input.ismPolicy).toEqual(
      JSON.parse(readFileSync(join(root, 'opensearch/ism-policy.json'), 'utf8')),
    );
    expect(one(s, 'aws:lambda/function:Function', 'OpenSearchSetupFunction').inputs.handler).toBe(
      'opensearch-setup.handler',
    );
  });
});

describe('long-term log storage (prod only)', () => {
  it('prod streams the forwarded groups and the API access log to a private, tagged export bucket', () => {
    const s = loadSynth('prod');
    const bucket = one(s, 'aws:s3/bucket:Bucket', 'LogExportBucketBucket');
    expect(bucket.inputs.tags).toMatchObject({
      Component: 'CloudWatch',
      Function: 'Logging',
      DataType: 'Logs',
    });
    const stream = one(s, 'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream', 'LogExportStream');
    expect(stream.inputs.extendedS3Configuration.bucketArn).toBe(`arn:aws:s3:::${bucket.inputs.bucket}`);
    const exportFilters = ofType(s, 'aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter').filter(
      (f) => f.name.startsWith('LogExportSubscription-'),
    );
    const forwarded = ofType(s, 'aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter').filter((f) =>
      f.name.startsWith('LogForwarderSubscription-'),
    );
    const accessLog = one(s, 'aws:cloudwatch/logGroup:LogGroup', 'IngestionApiAccessLog').inputs.name;
    expect(exportFilters.map((f) => f.inputs.logGroup).sort()).toEqual(
      [...forwarded.map((f) => f.inputs.logGroup), accessLog].sort(),
    );
    const policy = JSON.parse(
      one(s, 'aws:s3/bucketPolicy:BucketPolicy', 'LogExportBucketPolicy').inputs.policy,
    );
    const deny = policy.Statement.find((st: Json) => st.Condition?.ArnNotEquals);
    expect(deny.Condition.ArnNotEquals['aws:PrincipalArn']).toMatch(/LogExportFirehoseRole/);
  });
  it('dev has no export', () => {
    const s = loadSynth('dev');
    expect(ofType(s, 'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream')).toEqual([]);
  });
});

/**
 * The only statements allowed on `Resource: *`, each with why no narrower resource exists. Anything else on `*`
 * fails the test below.
 */
const JUSTIFIED_STAR: { role: RegExp; actions: string[]; reason: string }[] = [
  {
    role: /^GrafanaRolePolicy$/,
    actions: CLOUDWATCH_READ_ACTIONS,
    reason:
      "Grafana's CloudWatch data source: read-only list/query APIs that take no resource ARN (AWS's own Grafana policy uses *)",
  },
  {
    role: /^(WebVitals|ErrorReport)FunctionRole$/,
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
    reason: 'X-Ray active tracing (prod): these actions have no resource-level permissions',
  },
  {
    role: /^(Umami|OpenReplay)TaskRole$/,
    actions: [
      'ssmmessages:CreateControlChannel',
      'ssmmessages:CreateDataChannel',
      'ssmmessages:OpenControlChannel',
      'ssmmessages:OpenDataChannel',
    ],
    reason:
      'ECS Exec, which SST enables on every service (aws ecs execute-command); ssmmessages takes no resource ARN',
  },
];

/** AWS-managed policies SST attaches, and why they stay. */
const JUSTIFIED_MANAGED = new Map([
  [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    'Lambda writing its own log streams (SST attaches it)',
  ],
  [
    'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    'ECS pulling images and writing container logs (SST attaches it)',
  ],
]);

describe.each(['dev', 'prod'] as const)('least privilege in the %s synth', (stage) => {
  const s = loadSynth(stage);
  it('every statement on Resource * is a justified exception', () => {
    const unexplained = policyStatements(s)
      .filter(({ statement: st }) => st.Effect === 'Allow' && list(st.Resource).includes('*'))
      .filter(({ owner, statement: st }) => {
        const ex = JUSTIFIED_STAR.find((j) => j.role.test(owner));
        return !ex || !list(st.Action).every((a) => ex.actions.includes(a));
      })
      .map(({ owner, statement }) => `${owner}: ${list(statement.Action).join(',')}`);
    expect(unexplained).toEqual([]);
  });
  it('roles are assumable by their AWS service only, and attach only the listed managed policies', () => {
    for (const role of ofType(s, 'aws:iam/role:Role')) {
      const trust =
        typeof role.inputs.assumeRolePolicy === 'string'
          ? JSON.parse(role.inputs.assumeRolePolicy)
          : role.inputs.assumeRolePolicy;
      for (const st of trust.Statement) expect(Object.keys(st.Principal), role.name).toEqual(['Service']);
      for (const arn of role.inputs.managedPolicyArns ?? [])
        expect(JUSTIFIED_MANAGED.has(arn), `${role.name}: ${arn}`).toBe(true);
    }
  });
  it('ECS execution roles read only their own secrets', () => {
    for (const role of ofType(s, 'aws:iam/role:Role').filter((r) => r.name.endsWith('ExecutionRole'))) {
      const doc = JSON.parse(role.inputs.inlinePolicies[0].policy);
      expect(doc.Statement).toHaveLength(1);
      expect(list(doc.Statement[0].Resource).every((r) => r.startsWith('arn:aws:secretsmanager:'))).toBe(
        true,
      );
    }
  });
  it('X-Ray tracing follows config: Active in prod, PassThrough elsewhere', () => {
    const mode = stage === 'prod' ? 'Active' : 'PassThrough';
    for (const name of ['WebVitalsFunctionFunction', 'ErrorReportFunctionFunction']) {
      expect(one(s, 'aws:lambda/function:Function', name).inputs.tracingConfig.mode).toBe(mode);
    }
  });
  it('per-IP rate limit: CloudFront with a WAF rate-based rule in front of the API, caching off', () => {
    const acl = one(s, 'aws:wafv2/webAcl:WebAcl', 'IngestionWebAcl');
    expect(acl.inputs.scope).toBe('CLOUDFRONT');
    expect(acl.inputs.rules[0].statement.rateBasedStatement).toEqual({
      limit: resolveConfig(stage).perIpRequestsPer5Min,
      aggregateKeyType: 'IP',
      evaluationWindowSec: 300,
    });
    expect(acl.inputs.rules[0].action.block.customResponse.responseCode).toBe(429);
    const cdn = one(s, 'aws:cloudfront/distribution:Distribution', 'IngestionCdn');
    expect(cdn.inputs.webAclId).toMatch(/IngestionWebAcl/);
    expect(cdn.inputs.origins[0].domainName).toMatch(/execute-api/);
    expect(cdn.inputs.defaultCacheBehavior).toMatchObject({
      cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      allowedMethods: expect.arrayContaining(['POST', 'OPTIONS']),
    });
  });
});

describe('Umami after a secret rotation, and its network (prod: the stage with Aurora)', () => {
  const s = loadSynth('prod');
  const cfg = resolveConfig('prod');
  const secretArn = `arn:aws:secretsmanager:${cfg.region}:123456789012:UmamiDatabaseSecret`;
  const fn = one(s, 'aws:lambda/function:Function', 'UmamiRedeployFunction');

  it('an EventBridge rule on the native "Secret Label Updated" event, AWSCURRENT, this secret only', () => {
    const rule = one(s, 'aws:cloudwatch/eventRule:EventRule', 'UmamiSecretRotated');
    expect(JSON.parse(rule.inputs.eventPattern)).toEqual({
      source: ['aws.secretsmanager'],
      'detail-type': ['Secret Label Updated'],
      resources: [secretArn],
      detail: { labelUpdated: ['AWSCURRENT'] },
    });
    const targets = ofType(s, 'aws:cloudwatch/eventTarget:EventTarget').filter(
      (t) => t.inputs.rule === 'UmamiSecretRotated',
    );
    expect(targets.map((t) => t.inputs.arn)).toEqual([
      `arn:aws:lambda:${cfg.region}:123456789012:UmamiRedeployFunction`,
    ]);
    const invoke = one(s, 'aws:lambda/permission:Permission', 'UmamiRedeployInvoke');
    expect(invoke.inputs).toMatchObject({
      principal: 'events.amazonaws.com',
      function: fn.inputs.name,
      sourceArn: expect.stringMatching(/UmamiSecretRotated$/),
    });
  });

  it('the redeploy Lambda runs handlers/umami-redeploy with the Umami cluster, service and secret', () => {
    expect(fn.inputs.handler).toBe('umami-redeploy.handler');
    expect(fn.inputs.environment.variables).toMatchObject({
      UMAMI_CLUSTER: `arn:aws:ecs:${cfg.region}:123456789012:ClusterCluster`,
      UMAMI_SERVICE: one(s, 'aws:ecs/service:Service', 'UmamiService').inputs.name,
      UMAMI_DB_SECRET_ARN: secretArn,
    });
  });

  it('its role may only ecs:UpdateService, on the Umami service ARN', () => {
    const role = one(s, 'aws:iam/role:Role', 'UmamiRedeployRole');
    const statements = policyStatements(s).filter((p) => p.owner === 'UmamiRedeployRole');
    const cluster = one(s, 'aws:ecs/cluster:Cluster', 'ClusterCluster').inputs.name;
    expect(statements.map((p) => p.statement)).toEqual([
      {
        Effect: 'Allow',
        Action: 'ecs:UpdateService',
        Resource: `arn:aws:ecs:${cfg.region}:123456789012:service/${cluster}/Umami`,
      },
    ]);
    expect(fn.inputs.role).toBe(`arn:aws:iam::123456789012:role/${role.inputs.name}`);
  });

  it('any error of the redeploy Lambda alarms to the topic', () => {
    const alarm = one(s, 'aws:cloudwatch/metricAlarm:MetricAlarm', 'UmamiRedeployErrorsAlarm');
    expect(alarm.inputs).toMatchObject({
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: { FunctionName: fn.inputs.name },
      statistic: 'Sum',
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      alarmActions: [`arn:aws:sns:${cfg.region}:123456789012:AlarmTopic`],
    });
  });

  it('Umami tasks have their own security group; Aurora admits only it and the rotation function, on its port', () => {
    const svc = one(s, 'aws:ecs/service:Service', 'UmamiService');
    expect(svc.inputs.networkConfiguration.securityGroups).toEqual(['UmamiSecurityGroup-id']);
    // Positive control: OpenReplay stays on the cluster's group, so the check above can tell them apart.
    expect(
      one(s, 'aws:ecs/service:Service', 'OpenReplayService').inputs.networkConfiguration.securityGroups,
    ).toEqual(['InternalSecurityGroup-id']);
    const sg = one(s, 'aws:ec2/securityGroup:SecurityGroup', 'UmamiSecurityGroup');
    expect(sg.inputs.ingress ?? []).toEqual([]);
    const rules = ofType(s, 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule');
    const intoUmami = rules.filter((r) => r.inputs.securityGroupId === 'UmamiSecurityGroup-id');
    expect(intoUmami.map((r) => r.inputs)).toEqual([
      expect.objectContaining({
        referencedSecurityGroupId: 'UmamiLoadBalancerSecurityGroup-id',
        ipProtocol: 'tcp',
        fromPort: 3000,
        toPort: 3000,
      }),
    ]);
    const intoAurora = rules.filter((r) => r.inputs.securityGroupId === cfg.aurora?.securityGroupId);
    expect(
      intoAurora
        .map((r) => [
          r.inputs.referencedSecurityGroupId,
          r.inputs.ipProtocol,
          r.inputs.fromPort,
          r.inputs.toPort,
        ])
        .sort(),
    ).toEqual([
      ['UmamiRotationSecurityGroup-id', 'tcp', cfg.aurora?.port, cfg.aurora?.port],
      ['UmamiSecurityGroup-id', 'tcp', cfg.aurora?.port, cfg.aurora?.port],
    ]);
    expect(intoAurora.every((r) => !r.inputs.cidrIpv4)).toBe(true);
  });

  it('dev (no Aurora) has no Umami, so no redeploy rule either', () => {
    const dev = loadSynth('dev');
    expect(ofType(dev, 'aws:cloudwatch/eventRule:EventRule').map((r) => r.name)).not.toContain(
      'UmamiSecretRotated',
    );
    expect(ofType(dev, 'aws:ecs/service:Service').map((r) => r.name)).toEqual(['OpenReplayService']);
  });
});

describe.each(['dev', 'prod'] as const)('the API origin answers only CloudFront (%s)', (stage) => {
  const s = loadSynth(stage);
  const secret = one(s, 'random:index/randomPassword:RandomPassword', 'IngestionOriginVerify');
  // What the synth harness makes every RandomPassword "generate" (scripts/synth-harness.ts).
  const standIn = 'synth-stand-in-for-a-random-password';
  const cdn = one(s, 'aws:cloudfront/distribution:Distribution', 'IngestionCdn');

  it('a random origin secret, generated in the stack, sent by CloudFront as x-usermetrics-origin-verify', () => {
    expect(secret.inputs.length).toBeGreaterThanOrEqual(32);
    expect(cdn.inputs.origins).toHaveLength(1);
    expect(cdn.inputs.origins[0].customHeaders).toEqual([
      { name: 'x-usermetrics-origin-verify', value: standIn },
    ]);
  });

  it('both ingestion Lambdas get only its SHA-256, and their bundles contain the check', () => {
    const hash = createHash('sha256').update(standIn).digest('hex');
    for (const [name, bundle] of [
      ['WebVitalsFunctionFunction', 'WebVitalsFunction/web-vitals.mjs'],
      ['ErrorReportFunctionFunction', 'ErrorReportFunction/errors.mjs'],
    ] as const) {
      const vars = one(s, 'aws:lambda/function:Function', name).inputs.environment.variables;
      expect(vars.USERMETRICS_ORIGIN_VERIFY_SHA256, name).toBe(hash);
      expect(Object.values(vars), name).not.toContain(standIn);
      const code = readFileSync(join(root, '.sst/synth-build', bundle), 'utf8');
      expect(code, bundle).toContain('x-usermetrics-origin-verify');
      expect(code, bundle).toContain('USERMETRICS_ORIGIN_VERIFY_SHA256');
    }
    // Positive control for the absence check above: the secret itself is in the synth (CloudFront's input).
    expect(JSON.stringify(cdn.inputs)).toContain(standIn);
  });

  it('the stack output `api` is the CloudFront URL', () => {
    const outputs = JSON.parse(readFileSync(join(root, '.sst/synth-test', `${stage}.json`), 'utf8')).outputs;
    expect(outputs.api).toBe('https://IngestionCdn.cloudfront.net');
    expect(outputs.apiOrigin).toMatch(/execute-api/);
  });
});

describe('the runbook reads only outputs the stack has', () => {
  it('every `out NAME` and `jq … .NAME .sst/outputs.json` in README.md is an output of the prod synth', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const used = new Set<string>();
    for (const m of readme.matchAll(/\$\(out ([A-Za-z]+)[ )]/g)) used.add(m[1] as string);
    for (const m of readme.matchAll(/jq (?:-r )?\.([A-Za-z]+) [^)"]*\.sst\/outputs\.json/g))
      used.add(m[1] as string);
    // Positive control: the parse finds the commands (a rewrite of the README must not empty this check).
    expect(used.size).toBeGreaterThan(10);
    const outputs = JSON.parse(readFileSync(join(root, '.sst/synth-test/prod.json'), 'utf8')).outputs;
    expect([...used].filter((k) => !(k in outputs))).toEqual([]);
    // No placeholder left in a verify command.
    const verify = readme.slice(readme.indexOf('## Verify a deploy'), readme.indexOf('Criteria 8, 10, 14'));
    expect(verify).not.toMatch(/<[a-z][^>]*>/i);
  });
});

describe('cost report: Athena over the CUR for Grafana (prod sets costReport, dev does not)', () => {
  const prod = loadSynth('prod');
  const cfg = resolveConfig('prod');
  const c = cfg.costReport!;
  const grafanaStatements = (s: Synth) =>
    policyStatements(s)
      .filter((p) => p.owner === 'GrafanaRolePolicy')
      .map((p) => p.statement);

  it('the Athena data source uses the configured workgroup, database and results location', () => {
    const ds = one(prod, 'grafana:oss/dataSource:DataSource', 'AthenaDataSource');
    expect(ds.inputs.type).toBe('grafana-athena-datasource');
    expect(JSON.parse(ds.inputs.jsonDataEncoded)).toEqual({
      authType: 'ec2_iam_role',
      defaultRegion: cfg.region,
      catalog: 'AwsDataCatalog',
      database: c.database,
      workgroup: c.workgroup,
      outputLocation: c.outputLocation,
    });
    expect(first(prod, 'aws:grafana/workspace:Workspace').inputs.dataSources).toContain('ATHENA');
  });

  it("Grafana's role reaches exactly that workgroup, that Glue table, the CUR prefix and the results prefix", () => {
    const sts = grafanaStatements(prod);
    const bySid = Object.fromEntries(sts.map((st) => [st.Sid, st]));
    const acct = `${cfg.region}:123456789012`;
    expect(bySid.AthenaQueries.Resource).toEqual([`arn:aws:athena:${acct}:workgroup/${c.workgroup}`]);
    expect(bySid.GlueCurTable.Resource).toEqual([
      `arn:aws:glue:${acct}:catalog`,
      `arn:aws:glue:${acct}:database/${c.database}`,
      `arn:aws:glue:${acct}:table/${c.database}/${c.table}`,
    ]);
    expect(bySid.CurDataRead).toMatchObject({
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::example-cur-exports-123456789012/cur2/*'],
    });
    expect(bySid.AthenaResultsWrite.Resource).toEqual([
      'arn:aws:s3:::example-athena-results-123456789012/grafana/*',
    ]);
    // Only the results prefix is writable.
    const writes = sts.filter((st) => list(st.Action).includes('s3:PutObject'));
    expect(writes.map((st) => st.Sid)).toEqual(['AthenaResultsWrite']);
    for (const st of sts.filter((x) => list(x.Action).some((a) => /^(athena|glue):/.test(a))))
      expect(list(st.Resource), st.Sid).not.toContain('*');
  });

  it('the Cost dashboard is provisioned with the CUR database and table as its constants', () => {
    const board = JSON.parse(
      one(prod, 'grafana:oss/dashboard:Dashboard', 'Dashboard-cost').inputs.configJson,
    );
    const constants = Object.fromEntries(
      board.templating.list.filter((v: Json) => v.type === 'constant').map((v: Json) => [v.name, v.query]),
    );
    expect(constants).toEqual({ curDatabase: c.database, curTable: c.table });
  });

  it('dev has no Athena data source and no Athena or Glue permission (positive control: prod has them)', () => {
    const dev = loadSynth('dev');
    expect(resolveConfig('dev').costReport).toBeUndefined();
    expect(ofType(dev, 'grafana:oss/dataSource:DataSource').map((d) => d.name)).not.toContain(
      'AthenaDataSource',
    );
    const athenaOrGlue = (s: Synth) =>
      grafanaStatements(s).filter((st) => list(st.Action).some((a) => /^(athena|glue):/.test(a)));
    expect(athenaOrGlue(dev)).toEqual([]);
    expect(athenaOrGlue(prod).length).toBe(3);
  });
});
