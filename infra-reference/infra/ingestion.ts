// The ingestion API: an HTTP API with POST /metrics/web-vitals and POST /errors/report, each a Lambda (nodejs22.x,
// arm64) running the @usermetrics/node handler from handlers/, configured from environment. CORS allowlist,
// stage throttling and JSON access logs from config; every log group at the stage's retention.

import { ORIGIN_VERIFY_ENV } from '../handlers/edge-only';
import { ENV } from '../handlers/options-from-env';
import { accessLogFormat, stageThrottle } from './access-log';
import { retentionKey } from './config';
import { type Ctx, scope } from './scope';
import type { PrivateBucket } from './storage';
import { COMPONENT_TAGS } from './tags';

/**
 * SST 4.17's Function role trusts the account root as well as Lambda (its `!dev` test is on an Output, so the dev
 * branch always wins): any principal allowed sts:AssumeRole could assume it. Only Lambda may.
 */
export function lambdaOnlyTrust(args: aws.iam.RoleArgs): undefined {
  args.assumeRolePolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  });
  return undefined;
}

export function createIngestion(
  ctx: Ctx,
  deps: { sourcemapBucket: PrivateBucket; originVerifySha256: $util.Output<string> },
) {
  const { cfg } = ctx;
  const retention = retentionKey(cfg.logRetentionDays) as '1 week';
  const apiScope = scope(ctx, 'Ingestion', COMPONENT_TAGS.ingestionApi);
  const api = new sst.aws.ApiGatewayV2(
    'IngestionApi',
    {
      cors: {
        allowOrigins: cfg.corsOrigins,
        allowMethods: ['POST', 'OPTIONS'],
        allowHeaders: ['content-type'],
        maxAge: '10 minutes',
      },
      accessLog: { retention },
      transform: {
        stage: (args) => {
          args.defaultRouteSettings = { ...stageThrottle(cfg), detailedMetricsEnabled: true };
          args.accessLogSettings = $output(args.accessLogSettings).apply((s) => ({
            destinationArn: s!.destinationArn,
            format: accessLogFormat(),
          }));
        },
      },
    },
    { parent: apiScope },
  );

  const environment = {
    [ENV.environment]: cfg.stage,
    [ENV.allowedOrigins]: cfg.corsOrigins.join(','),
    [ENV.routes]: cfg.routes.join(','),
    // Only CloudFront's origin header opens the handlers (handlers/edge-only.ts, infra/edge.ts).
    [ORIGIN_VERIFY_ENV]: deps.originVerifySha256,
  };
  const common = {
    runtime: 'nodejs22.x' as const,
    architecture: 'arm64' as const,
    memory: `${cfg.lambda.memoryMb} MB` as `${number} MB`,
    timeout: `${cfg.lambda.timeoutSeconds} seconds` as `${number} seconds`,
    logging: { retention, format: 'text' as const },
    transform: {
      function: (args: aws.lambda.FunctionArgs): undefined => {
        args.tracingConfig = { mode: cfg.tracing ? 'Active' : 'PassThrough' };
        return undefined;
      },
      role: lambdaOnlyTrust,
    },
  };
  const tracingPermissions = cfg.tracing
    ? [{ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }]
    : [];

  const webVitalsScope = scope(ctx, 'IngestionWebVitals', COMPONENT_TAGS.ingestionWebVitals, apiScope);
  const webVitals = new sst.aws.Function(
    'WebVitalsFunction',
    {
      ...common,
      handler: 'handlers/web-vitals.handler',
      environment,
      permissions: tracingPermissions,
      tags: { Resource: 'Lambda', Endpoint: 'WebVitals' },
    },
    { parent: webVitalsScope },
  );

  const errorsScope = scope(ctx, 'IngestionErrors', COMPONENT_TAGS.ingestionErrors, apiScope);
  const errors = new sst.aws.Function(
    'ErrorReportFunction',
    {
      ...common,
      handler: 'handlers/errors.handler',
      environment: {
        ...environment,
        SOURCEMAP_BUCKET: deps.sourcemapBucket.name,
        SOURCEMAP_PREFIX: cfg.sourcemapPrefix,
      },
      // Read-only, and only under the prefix the Vite plugin uploads to (not `link`, which grants s3:*).
      permissions: [
        {
          actions: ['s3:GetObject'],
          resources: [$interpolate`${deps.sourcemapBucket.arn}/${cfg.sourcemapPrefix}*`],
        },
        ...tracingPermissions,
      ],
      tags: { Resource: 'Lambda', Endpoint: 'ErrorReporting' },
    },
    { parent: errorsScope },
  );

  api.route('POST /metrics/web-vitals', webVitals.arn);
  api.route('POST /errors/report', errors.arn);

  return { api, webVitals, errors };
}

export type Ingestion = ReturnType<typeof createIngestion>;
