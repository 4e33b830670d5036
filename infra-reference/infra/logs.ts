// Logs → OpenSearch (#12): the forwarder Lambda (functions/log-forwarder.ts), an SQS on-failure destination so a
// batch is never silently lost, one CloudWatch Logs subscription filter per instrumented log group (the two
// ingestion Lambdas and the application's own functions from config), and the index template + ISM policy applied
// at deploy by an `aws.lambda.Invocation` of handlers/opensearch-setup.ts. Prod also exports log groups to S3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retentionKey } from './config';
import { lambdaOnlyTrust } from './ingestion';
import { type Ctx, scope } from './scope';
import type { PrivateBucket } from './storage';
import { COMPONENT_TAGS } from './tags';

/** Safe Pulumi name for a log group name. */
export function logGroupKey(name: string): string {
  return name.replace(/^\/aws\/lambda\//, '').replace(/[^A-Za-z0-9]/g, '-');
}

export function createLogForwarding(
  ctx: Ctx,
  deps: { ownLogGroups: { key: string; name: $util.Input<string> }[] },
) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'LogForwarding', COMPONENT_TAGS.logForwarding);
  const retention = retentionKey(cfg.logRetentionDays) as '1 week';
  const es = [cfg.opensearch.domainArn, `${cfg.opensearch.domainArn}/*`];

  const failures = new aws.sqs.Queue(
    'LogForwarderFailures',
    { messageRetentionSeconds: 14 * 24 * 3600, sqsManagedSseEnabled: true },
    { parent },
  );
  const forwarder = new sst.aws.Function(
    'LogForwarder',
    {
      handler: 'functions/log-forwarder.handler',
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      timeout: '60 seconds',
      memory: '256 MB',
      logging: { retention, format: 'text' },
      environment: { OPENSEARCH_ENDPOINT: cfg.opensearch.endpoint, INDEX_PREFIX: cfg.opensearch.indexPrefix },
      permissions: [
        { actions: ['es:ESHttpPost', 'es:ESHttpPut'], resources: es },
        { actions: ['sqs:SendMessage'], resources: [failures.arn] },
      ],
      transform: { role: lambdaOnlyTrust },
    },
    { parent },
  );
  new aws.lambda.FunctionEventInvokeConfig(
    'LogForwarderInvokeConfig',
    {
      functionName: forwarder.name,
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: failures.arn } },
    },
    { parent },
  );

  const region = aws.getRegionOutput({}, { parent }).name;
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const groups = [
    ...deps.ownLogGroups,
    ...cfg.instrumentedLogGroups.map((name) => ({ key: logGroupKey(name), name: $output(name) })),
  ];
  const filters = groups.map(({ key, name }) => {
    const permission = new aws.lambda.Permission(
      `LogForwarderInvoke-${key}`,
      {
        action: 'lambda:InvokeFunction',
        function: forwarder.name,
        principal: $interpolate`logs.${region}.amazonaws.com`,
        sourceArn: $interpolate`arn:aws:logs:${region}:${account}:log-group:${name}:*`,
        sourceAccount: account,
      },
      { parent },
    );
    return new aws.cloudwatch.LogSubscriptionFilter(
      `LogForwarderSubscription-${key}`,
      { logGroup: name, filterPattern: '', destinationArn: forwarder.arn, name: 'usermetrics-opensearch' },
      { parent, dependsOn: [permission] },
    );
  });

  // Deploy-time step: apply the index template and ISM policy (re-run when either file changes).
  const setup = new sst.aws.Function(
    'OpenSearchSetup',
    {
      handler: 'handlers/opensearch-setup.handler',
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      timeout: '60 seconds',
      logging: { retention, format: 'text' },
      environment: { OPENSEARCH_ENDPOINT: cfg.opensearch.endpoint },
      permissions: [{ actions: ['es:ESHttpPut', 'es:ESHttpGet'], resources: es }],
      transform: { role: lambdaOnlyTrust },
    },
    { parent },
  );
  const read = (f: string) => JSON.parse(readFileSync(join($cli.paths.root, 'opensearch', f), 'utf8'));
  new aws.lambda.Invocation(
    'OpenSearchSetupRun',
    {
      functionName: setup.name,
      input: JSON.stringify({
        name: cfg.opensearch.indexPrefix,
        indexTemplate: read('index-template.json'),
        ismPolicy: read('ism-policy.json'),
      }),
    },
    { parent },
  );
  return { forwarder, failures, filters, setup, groups };
}

/**
 * Prod's long-term log storage (#12 item 2): a second subscription filter on each exported log group streams to a
 * Firehose delivery stream that writes gzipped batches to a private bucket (Intelligent-Tiering), so nothing is
 * lost when the 90-day retention drops events. CloudWatch Logs' CreateExportTask is a one-off API call, not a
 * resource; a subscription keeps exporting without a scheduler.
 */
export function createLogExport(
  ctx: Ctx,
  deps: { logGroups: { key: string; name: $util.Input<string> }[]; bucket: PrivateBucket },
) {
  const parent = scope(ctx, 'LogExport', COMPONENT_TAGS.logExport);
  const region = aws.getRegionOutput({}, { parent }).name;
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const firehoseRole = new aws.iam.Role(
    'LogExportFirehoseRole',
    {
      assumeRolePolicy: $jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'firehose.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': account } },
          },
        ],
      }),
      inlinePolicies: [
        {
          name: 'write-log-export-bucket',
          policy: $jsonStringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:ListBucket'],
                Resource: [deps.bucket.arn, $interpolate`${deps.bucket.arn}/*`],
              },
            ],
          }),
        },
      ],
    },
    { parent },
  );
  const stream = new aws.kinesis.FirehoseDeliveryStream(
    'LogExportStream',
    {
      destination: 'extended_s3',
      extendedS3Configuration: {
        roleArn: firehoseRole.arn,
        bucketArn: deps.bucket.arn,
        prefix: 'cloudwatch-logs/!{timestamp:yyyy/MM/dd}/',
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        bufferingInterval: 300,
        bufferingSize: 5,
        // Subscription payloads are already gzipped; Firehose stores them as they come.
        compressionFormat: 'UNCOMPRESSED',
      },
    },
    { parent },
  );
  const logsRole = new aws.iam.Role(
    'LogExportSubscriptionRole',
    {
      assumeRolePolicy: $jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: $interpolate`logs.${region}.amazonaws.com` },
            Action: 'sts:AssumeRole',
            Condition: { StringLike: { 'aws:SourceArn': $interpolate`arn:aws:logs:${region}:${account}:*` } },
          },
        ],
      }),
      inlinePolicies: [
        {
          name: 'put-to-firehose',
          policy: $jsonStringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
                Resource: stream.arn,
              },
            ],
          }),
        },
      ],
    },
    { parent },
  );
  for (const { key, name } of deps.logGroups) {
    new aws.cloudwatch.LogSubscriptionFilter(
      `LogExportSubscription-${key}`,
      {
        logGroup: name,
        filterPattern: '',
        destinationArn: stream.arn,
        roleArn: logsRole.arn,
        name: 'usermetrics-s3-export',
      },
      { parent },
    );
  }
  return { stream, firehoseRole };
}
