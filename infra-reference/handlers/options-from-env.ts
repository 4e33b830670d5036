import type { IngestionHandlerOptions } from '@usermetrics/node';

/** Environment variables the SST app (infra/ingestion.ts) sets on both ingestion Lambdas. */
export const ENV = {
  allowedOrigins: 'USERMETRICS_ALLOWED_ORIGINS',
  environment: 'USERMETRICS_ENVIRONMENT',
  routes: 'USERMETRICS_ROUTES',
} as const;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The handler options of an ingestion Lambda, from its environment (comma-separated lists). */
export function optionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): IngestionHandlerOptions {
  return {
    allowedOrigins: list(env[ENV.allowedOrigins]),
    environment: env[ENV.environment] || undefined,
    routes: list(env[ENV.routes]),
  };
}

/**
 * The error-report Lambda's `sourceMaps` option (#15): the private source-map bucket the SST app passes as
 * `SOURCEMAP_BUCKET` / `SOURCEMAP_PREFIX`, or `undefined` (no symbolication) when the bucket is not set.
 */
export function sourceMapsFromEnv(
  env: Record<string, string | undefined> = process.env,
): { bucket: string; prefix?: string } | undefined {
  const bucket = env.SOURCEMAP_BUCKET?.trim();
  if (!bucket) return undefined;
  const prefix = env.SOURCEMAP_PREFIX?.trim();
  return prefix ? { bucket, prefix } : { bucket };
}
