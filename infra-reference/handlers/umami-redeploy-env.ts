/**
 * Environment variables infra/services.ts sets on the Umami redeploy Lambda (handlers/umami-redeploy.ts). Apart from
 * the handler so that the SST app does not load the ECS client to read three names.
 */
export const ENV = {
  cluster: 'UMAMI_CLUSTER',
  service: 'UMAMI_SERVICE',
  secretArn: 'UMAMI_DB_SECRET_ARN',
} as const;
