// The private S3 buckets: replay recordings (OpenReplay), source maps (error symbolication, #15) and, in prod, the
// long-term export of log groups (#12). Each: all public access blocked, SSE-S3, HTTPS only (SST's default policy),
// Intelligent-Tiering from day 0, and object access denied to every principal except the one role that needs it.
import { type Ctx, scope } from './scope';
import { COMPONENT_TAGS, type FunctionalTags } from './tags';

interface PrivateBucketArgs {
  /** Part of the physical name: `usermetrics-<stage>-<purpose>-<account>-<region>`. */
  purpose: string;
  tags: FunctionalTags;
  /** Objects expire after this many days (none when undefined). */
  expireDays?: number;
  /** Only these roles may read/write objects (a Deny for everyone else). */
  objectAccess?: { roleArns: $util.Input<string>[]; actions: string[] };
  /** Extra statements (e.g. a service principal that delivers logs). */
  policy?: sst.aws.BucketArgs['policy'];
}

/** Intelligent-Tiering from day 0, then expiry: the storage lifecycle of every bucket here. */
export function lifecycleRules(expireDays: number | undefined) {
  return [
    {
      id: 'intelligent-tiering',
      status: 'Enabled',
      filter: {},
      transitions: [{ days: 0, storageClass: 'INTELLIGENT_TIERING' }],
      ...(expireDays ? { expiration: { days: expireDays } } : {}),
    },
  ];
}

/**
 * S3 bucket names are global: stage, purpose, account and region make them unique and known before the bucket
 * exists, so the roles the bucket admits can name it without waiting for its policy (SST gates `bucket.name` on it).
 */
export function bucketName(stage: string, purpose: string, account: string, region: string): string {
  const name = `usermetrics-${stage}-${purpose}-${account}-${region}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  if (name.length > 63)
    throw new Error(`bucket name "${name}" is longer than 63 characters: shorten the stage name`);
  return name;
}

export function privateBucket(ctx: Ctx, name: string, args: PrivateBucketArgs) {
  const parent = scope(ctx, name, args.tags);
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const physical = account.apply((a) => bucketName(ctx.cfg.stage, args.purpose, a, ctx.cfg.region));
  const denyOthers = args.objectAccess
    ? [
        {
          effect: 'deny' as const,
          principals: '*' as const,
          actions: args.objectAccess.actions,
          paths: ['*'],
          conditions: [
            { test: 'ArnNotEquals', variable: 'aws:PrincipalArn', values: args.objectAccess.roleArns },
          ],
        },
      ]
    : [];
  const bucket = new sst.aws.Bucket(
    name,
    {
      policy: [...denyOthers, ...((args.policy as never[]) ?? [])],
      // One rule so SST creates the lifecycle resource; the transform makes it the tiering + expiry rule.
      lifecycle: [
        {
          id: 'intelligent-tiering',
          expiresIn: args.expireDays ? (`${args.expireDays} days` as `${number} days`) : undefined,
        },
      ],
      transform: {
        bucket: {
          bucket: physical,
          forceDestroy: ctx.cfg.stage !== 'prod' ? true : undefined,
          tags: { Resource: 'S3Bucket' },
        },
        lifecycle: (l) => {
          l.rules = lifecycleRules(args.expireDays);
        },
      },
    },
    { parent },
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}Encryption`,
    {
      bucket: physical,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
    },
    { parent },
  );
  new aws.s3.BucketOwnershipControls(
    `${name}Ownership`,
    { bucket: physical, rule: { objectOwnership: 'BucketOwnerEnforced' } },
    { parent },
  );
  return { bucket, name: physical, arn: $interpolate`arn:aws:s3:::${physical}` };
}

export type PrivateBucket = ReturnType<typeof privateBucket>;

export function createReplayBucket(ctx: Ctx, openReplayTaskRoleArn: $util.Input<string>) {
  return privateBucket(ctx, 'ReplayBucket', {
    purpose: 'replays',
    tags: COMPONENT_TAGS.replayStorage,
    expireDays: ctx.cfg.replayRetentionDays,
    objectAccess: {
      roleArns: [openReplayTaskRoleArn],
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
    },
  });
}

export function createSourcemapBucket(ctx: Ctx, errorLambdaRoleArn: $util.Input<string>) {
  return privateBucket(ctx, 'SourcemapBucket', {
    purpose: 'sourcemaps',
    tags: COMPONENT_TAGS.sourcemaps,
    // Uploads come from CI (IAM permission on the uploader); reads only from the error-report Lambda.
    objectAccess: { roleArns: [errorLambdaRoleArn], actions: ['s3:GetObject'] },
  });
}

/** Prod's long-term log storage: written by Firehose only (its role is the only principal admitted). */
export function createLogExportBucket(ctx: Ctx, firehoseRoleArn: $util.Input<string>) {
  return privateBucket(ctx, 'LogExportBucket', {
    purpose: 'logs',
    tags: COMPONENT_TAGS.logExport,
    objectAccess: { roleArns: [firehoseRoleArn], actions: ['s3:PutObject'] },
  });
}
