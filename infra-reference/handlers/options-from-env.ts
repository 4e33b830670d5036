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
