// Umami and OpenReplay on ECS Fargate behind ALBs, in one SST Cluster on the private subnets of infra/network.ts.
// Sizes, auto-scaling bounds and Fargate Spot (outside prod) come from config. Secrets reach containers only as
// ECS `secrets` (SST's `ssm`, which takes Secrets Manager ARNs), never as plain environment.
import { retentionKey, type TaskSize } from './config';
import type { Network } from './network';
import { type Ctx, scope } from './scope';
import type { PrivateBucket } from './storage';
import { COMPONENT_TAGS } from './tags';
import { createUmamiRedeploy } from './umami-redeploy';

/** OpenReplay's own registry (its helm charts' `global.openReplayContainerRegistry`). */
export const OPENREPLAY_REGISTRY = 'public.ecr.aws/p1t3u8a3';

/**
 * The OpenReplay services this reference runs, from OpenReplay's helm charts (scripts/helmcharts/openreplay/charts):
 * `http` receives the tracker's /v1/web/start and /v1/web/i (ingest), `sink` writes raw batches to the shared
 * disk, `storage` compresses them and uploads to S3 (`S3_BUCKET_WEB`), `ender` closes sessions, `db` writes session
 * metadata to PostgreSQL, `assets` caches page assets to S3, `chalice` is the API the dashboard plays back
 * from, `frontend` the dashboard. Redis is the queue between them (OpenReplay's non-enterprise setup).
 */
export const OPENREPLAY_SERVICES = [
  'http',
  'sink',
  'storage',
  'ender',
  'db',
  'assets',
  'chalice',
  'frontend',
] as const;

/**
 * Target groups get explicit names (SST only sets a random prefix) so the unhealthy-target alarms can look them
 * up: `<service>-<stage>-<container>-<port>`, at most 32 characters.
 */
export function targetGroupName(service: string, stage: string, container: string, port: number): string {
  return `${service}-${stage}-${container}-${port}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 32)
    .replace(/-+$/, '');
}

function nameTargets(service: string, stage: string) {
  return (args: aws.lb.TargetGroupArgs, _opts: unknown, name: string): undefined => {
    // SST names targets `<Service>Target<container><PROTOCOL><port>`.
    const m = /Target(.+?)(HTTPS?|TCP|UDP|TLS)(\d+)$/.exec(name);
    if (!m?.[1]) return undefined;
    args.name = targetGroupName(service, stage, m[1], Number(m[3]));
    args.namePrefix = undefined;
    return undefined;
  };
}

/**
 * SST's execution role may read every SSM parameter and secret (`Resource: *`); this one reads only the secrets
 * its containers receive.
 */
function readOnly(secretArns: $util.Input<string>[]) {
  return (args: aws.iam.RoleArgs): undefined => {
    args.inlinePolicies = [
      {
        name: 'inline',
        policy: $jsonStringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ReadOwnSecrets',
              Effect: 'Allow',
              Action: ['secretsmanager:GetSecretValue'],
              Resource: secretArns,
            },
          ],
        }),
      },
    ];
    return undefined;
  };
}

function scaling(t: TaskSize) {
  return {
    min: t.minTasks,
    max: t.maxTasks,
    cpuUtilization: t.targetCpuPercent,
    memoryUtilization: false as const,
  };
}

function capacity(t: TaskSize) {
  // Spot for all tasks outside prod; prod stays on regular Fargate.
  return t.spot ? ('spot' as const) : undefined;
}

export function createCluster(ctx: Ctx, net: Network) {
  const parent = scope(ctx, 'Compute', { Component: 'Infrastructure', Function: 'Compute' });
  return new sst.aws.Cluster(
    'Cluster',
    {
      vpc: {
        id: net.vpc.id,
        securityGroups: [net.internal.id],
        containerSubnets: net.privateSubnets.map((s) => s.id),
        loadBalancerSubnets: net.publicSubnets.map((s) => s.id),
      },
    },
    { parent },
  );
}

/**
 * Umami v2.19.0's image runs `pnpm start-docker` (umami-software/umami, tag v2.19.0 = commit 60eaaaff60a3,
 * Dockerfile `CMD ["pnpm", "start-docker"]`; pnpm is installed globally in its runner stage). Releases up to v2.17
 * ran `yarn start-docker` (Umami switched to pnpm in commit 5be38adf7), so yarn is not in this image. The script
 * runs check-db (Prisma migrations), update-tracker, set-routes-manifest, then start-server. Umami reads only
 * `DATABASE_URL`, so the container gets the parts of the JSON credentials secret as ECS secrets and builds the URL
 * at start; node percent-encodes the user and the password (a rotated password may hold any character the
 * rotation function generates).
 */
export const UMAMI_COMMAND = [
  'sh',
  '-c',
  [
    'export DATABASE_URL="$(node -e \'const e = process.env, c = encodeURIComponent;',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a JS template the container's node evaluates, not this file
    'process.stdout.write(`postgresql://${c(e.DB_USER)}:${c(e.DB_PASSWORD)}@${e.DB_HOST}:${e.DB_PORT}/${c(e.DB_NAME)}?schema=umami`)\')"',
    '&& exec pnpm start-docker',
  ].join(' '),
];

/** The port Umami listens on (its Dockerfile's `PORT`). */
export const UMAMI_PORT = 3000;

/** The JSON keys of the RDS-rotation secret shape the container receives, by environment variable. */
export const UMAMI_DB_SECRET_KEYS = {
  DB_HOST: 'host',
  DB_PORT: 'port',
  DB_USER: 'username',
  DB_PASSWORD: 'password',
  DB_NAME: 'dbname',
} as const;

/** AWS's hosted single-user PostgreSQL rotation function (Serverless Application Repository). */
export const PG_SINGLE_USER_ROTATION_APP =
  'arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser';

export function createUmami(ctx: Ctx, cluster: sst.aws.Cluster, net: Network) {
  const { cfg } = ctx;
  const aurora = cfg.aurora;
  if (!aurora) throw new Error('createUmami needs cfg.aurora');
  const parent = scope(ctx, 'Umami', COMPONENT_TAGS.umami);
  // The secret shape AWS's RDS rotation functions expect: {engine, host, port, username, password, dbname}. The
  // operator puts the value once, with the same password as sql/umami-bootstrap.sql's umami_password (README,
  // "Deploy"); nothing secret is in config, code or Pulumi state.
  const dbSecret = new aws.secretsmanager.Secret(
    'UmamiDatabaseSecret',
    {
      description: `usermetrics: Umami database credentials (JSON, umami_user on ${aurora.endpoint}; rotated)`,
      recoveryWindowInDays: 7,
    },
    { parent },
  );
  const appSecret = new aws.secretsmanager.Secret(
    'UmamiAppSecret',
    { description: 'usermetrics: Umami APP_SECRET', recoveryWindowInDays: 7 },
    { parent },
  );
  const rotation = createRotation(ctx, net, dbSecret, parent);
  const sg = new aws.ec2.SecurityGroup(
    'UmamiSecurityGroup',
    {
      vpcId: net.vpc.id,
      description:
        'usermetrics: Umami tasks (from their load balancer; to Aurora, Secrets Manager, the internet)',
      egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      tags: { Resource: 'SecurityGroup' },
    },
    { parent },
  );
  const jsonKey = (key: string) => $interpolate`${dbSecret.arn}:${key}::`;
  const ssm = Object.fromEntries(
    Object.entries(UMAMI_DB_SECRET_KEYS).map(([env, key]) => [env, jsonKey(key)]),
  ) as Record<keyof typeof UMAMI_DB_SECRET_KEYS, $util.Output<string>>;
  const service = new sst.aws.Service(
    'Umami',
    {
      cluster,
      image: cfg.umami.image,
      command: UMAMI_COMMAND,
      cpu: cfg.umami.cpu,
      memory: cfg.umami.memory,
      architecture: 'x86_64',
      ssm: { ...ssm, APP_SECRET: appSecret.arn },
      environment: { DATABASE_TYPE: 'postgresql', DISABLE_TELEMETRY: '1' },
      logging: { retention: retentionOf(cfg.logRetentionDays) },
      loadBalancer: {
        public: true,
        rules: [{ listen: '80/http', forward: '3000/http' }],
        health: { '3000/http': { path: '/api/heartbeat', interval: '30 seconds' } },
      },
      scaling: scaling(cfg.umami),
      capacity: capacity(cfg.umami),
      transform: {
        service: (args): undefined => {
          args.tags = { ...(args.tags as Record<string, string>), Resource: 'ECSService' };
          // Umami's tasks get their own group instead of the cluster's VPC-wide one, so Aurora can admit exactly
          // them (and the rotation function) on its port.
          args.networkConfiguration = $util
            .all([args.networkConfiguration, sg.id])
            .apply(([nc, id]) => ({ ...nc!, securityGroups: [id] }));
          return undefined;
        },
        loadBalancer: { tags: { Resource: 'ALB' } },
        target: nameTargets('umami', cfg.stage),
        executionRole: readOnly([dbSecret.arn, appSecret.arn]),
      },
    },
    { parent },
  );
  // Only Umami's own load balancer reaches the tasks, only on the container port.
  new aws.vpc.SecurityGroupIngressRule(
    'UmamiFromLoadBalancer',
    {
      securityGroupId: sg.id,
      referencedSecurityGroupId: service.nodes.loadBalancer.securityGroups.apply((g) => g![0]!),
      ipProtocol: 'tcp',
      fromPort: UMAMI_PORT,
      toPort: UMAMI_PORT,
      description: 'usermetrics: Umami load balancer to the Umami tasks',
      tags: { Resource: 'SecurityGroupRule' },
    },
    { parent },
  );
  if (aurora.securityGroupId) {
    new aws.vpc.SecurityGroupIngressRule(
      'AuroraFromUmami',
      {
        securityGroupId: aurora.securityGroupId,
        referencedSecurityGroupId: sg.id,
        ipProtocol: 'tcp',
        fromPort: aurora.port,
        toPort: aurora.port,
        description: 'usermetrics: Umami tasks',
        tags: { Resource: 'SecurityGroupRule' },
      },
      { parent },
    );
  }
  const redeploy = createUmamiRedeploy(ctx, { cluster, service, dbSecret, parent });
  const targetGroups = [targetGroupName('umami', cfg.stage, 'Umami', UMAMI_PORT)];
  return { service, dbSecret, appSecret, rotation, redeploy, securityGroup: sg, targetGroups };
}

/**
 * Rotation of Umami's database password every `umami.passwordRotationDays`, by AWS's single-user PostgreSQL
 * rotation Lambda (its IAM comes from AWS's template: secretsmanager actions conditioned on this function, plus
 * the VPC network-interface actions), in the private subnets (Secrets Manager through the NAT gateway) with a
 * security group that Aurora's admits on its port. Not rotated immediately: the operator puts the first value.
 */
function createRotation(ctx: Ctx, net: Network, secret: aws.secretsmanager.Secret, parent: $util.Resource) {
  const { cfg } = ctx;
  const aurora = cfg.aurora!;
  const sg = new aws.ec2.SecurityGroup(
    'UmamiRotationSecurityGroup',
    {
      vpcId: net.vpc.id,
      description: 'usermetrics: Umami secret rotation Lambda (to Aurora and Secrets Manager)',
      egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      tags: { Resource: 'SecurityGroup' },
    },
    { parent },
  );
  if (aurora.securityGroupId) {
    new aws.vpc.SecurityGroupIngressRule(
      'AuroraFromUmamiRotation',
      {
        securityGroupId: aurora.securityGroupId,
        referencedSecurityGroupId: sg.id,
        ipProtocol: 'tcp',
        fromPort: aurora.port,
        toPort: aurora.port,
        description: 'usermetrics: Umami secret rotation Lambda',
        tags: { Resource: 'SecurityGroupRule' },
      },
      { parent },
    );
  }
  const functionName = `usermetrics-${cfg.stage}-umami-rotation`;
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const app = new aws.serverlessrepository.CloudFormationStack(
    'UmamiRotationFunction',
    {
      name: functionName,
      applicationId: PG_SINGLE_USER_ROTATION_APP,
      capabilities: ['CAPABILITY_IAM', 'CAPABILITY_RESOURCE_POLICY'],
      parameters: {
        functionName,
        endpoint: `https://secretsmanager.${cfg.region}.amazonaws.com`,
        vpcSubnetIds: $util.all(net.privateSubnets.map((s) => s.id)).apply((ids) => ids.join(',')),
        vpcSecurityGroupIds: sg.id,
      },
      tags: { Resource: 'RotationFunction' },
    },
    { parent },
  );
  return new aws.secretsmanager.SecretRotation(
    'UmamiDatabaseSecretRotation',
    {
      secretId: secret.id,
      // The function AWS's template creates is named by the `functionName` parameter.
      rotationLambdaArn: $interpolate`arn:aws:lambda:${cfg.region}:${account}:function:${functionName}`,
      rotationRules: { automaticallyAfterDays: cfg.umami.passwordRotationDays },
      rotateImmediately: false,
    },
    { parent, dependsOn: [app] },
  );
}

export function createOpenReplay(
  ctx: Ctx,
  cluster: sst.aws.Cluster,
  deps: { replayBucket: PrivateBucket; network: Network },
) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'OpenReplay', COMPONENT_TAGS.openreplay);
  const version = cfg.openreplay.version;
  const bucket = deps.replayBucket.name;
  const shared = {
    // No access keys: the AWS SDK in each container uses the task role, the only principal the bucket admits.
    AWS_REGION_WEB: cfg.region,
    AWS_REGION_IOS: cfg.region,
    S3_BUCKET_WEB: bucket,
    S3_BUCKET_IOS: bucket,
    S3_BUCKET_ASSETS: bucket,
    ASSETS_ORIGIN: $interpolate`https://${bucket}.s3.${cfg.region}.amazonaws.com/sessions-assets`,
    REDIS_STRING: 'redis://localhost:6379',
    QUEUE_TYPE: 'redis',
    FS_DIR: '/mnt/efs',
  };
  // OpenReplay's own PostgreSQL (sessions metadata, users): a connection string the operator puts (README).
  const postgres = new aws.secretsmanager.Secret(
    'OpenReplayPostgresString',
    { description: 'usermetrics: OpenReplay POSTGRES_STRING', recoveryWindowInDays: 7 },
    { parent },
  );
  const secrets = { POSTGRES_STRING: postgres.arn };
  const efs = new sst.aws.Efs(
    'OpenReplayEfs',
    { vpc: { id: deps.network.vpc.id, subnets: deps.network.privateSubnets.map((s) => s.id) } },
    { parent },
  );
  const container = (name: (typeof OPENREPLAY_SERVICES)[number], extra: Record<string, unknown> = {}) => ({
    name,
    image: `${OPENREPLAY_REGISTRY}/${name}:${version}`,
    environment: shared,
    ssm: secrets,
    logging: { retention: retentionOf(cfg.logRetentionDays) },
    // sink writes raw batches, storage reads them: OpenReplay's shared /mnt/efs volume, here an EFS file system.
    volumes: ['sink', 'storage'].includes(name) ? [{ efs, path: '/mnt/efs' }] : undefined,
    ...extra,
  });
  const service = new sst.aws.Service(
    'OpenReplay',
    {
      cluster,
      cpu: cfg.openreplay.cpu,
      memory: cfg.openreplay.memory,
      architecture: 'x86_64',
      containers: [
        container('http', { environment: { ...shared, HTTP_PORT: '8080' } }),
        container('sink'),
        container('storage'),
        container('ender'),
        container('db'),
        container('assets'),
        container('chalice', {
          environment: { ...shared, S3_HOST: $interpolate`https://s3.${cfg.region}.amazonaws.com` },
        }),
        container('frontend'),
        {
          name: 'redis',
          image: 'public.ecr.aws/docker/library/redis:7.2.5-alpine',
          logging: { retention: retentionOf(cfg.logRetentionDays) },
        },
      ],
      permissions: [
        {
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: [$interpolate`${deps.replayBucket.arn}/*`],
        },
        { actions: ['s3:ListBucket'], resources: [deps.replayBucket.arn] },
      ],
      loadBalancer: {
        public: true,
        rules: [
          { listen: '80/http', forward: '8080/http', container: 'http', conditions: { path: '/ingest/*' } },
          { listen: '80/http', forward: '8000/http', container: 'chalice', conditions: { path: '/api/*' } },
          { listen: '80/http', forward: '8080/http', container: 'frontend' },
        ],
      },
      scaling: scaling(cfg.openreplay),
      capacity: capacity(cfg.openreplay),
      transform: {
        service: { tags: { Resource: 'ECSService' } },
        loadBalancer: { tags: { Resource: 'ALB' } },
        target: nameTargets('openreplay', cfg.stage),
        executionRole: readOnly([postgres.arn]),
      },
    },
    { parent },
  );
  const targetGroups = [
    targetGroupName('openreplay', cfg.stage, 'http', 8080),
    targetGroupName('openreplay', cfg.stage, 'chalice', 8000),
    targetGroupName('openreplay', cfg.stage, 'frontend', 8080),
  ];
  return { service, postgres, targetGroups };
}

function retentionOf(days: number) {
  return retentionKey(days) as '1 week';
}
