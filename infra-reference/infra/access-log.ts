// Pure builders for the ingestion API (unit-tested): the JSON access-log format and the stage throttling.
import type { StageConfig } from './config';

/**
 * API Gateway access-log format: one JSON object per request. String fields are quoted, numbers are not, so every
 * line parses as JSON with the right types (SST's default wraps values in escaped quotes).
 */
export function accessLogFormat(): string {
  const strings: Record<string, string> = {
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    integrationError: '$context.integrationErrorMessage',
    xrayTraceId: '$context.xrayTraceId',
  };
  const numbers: Record<string, string> = {
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    requestTimeEpoch: '$context.requestTimeEpoch',
  };
  const parts = [
    ...Object.entries(strings).map(([k, v]) => `"${k}":"${v}"`),
    ...Object.entries(numbers).map(([k, v]) => `"${k}":${v}`),
  ];
  return `{${parts.join(',')}}`;
}

/**
 * The stage's default route throttling. The kill switch (`trackingEnabled: false`) throttles to 0: API Gateway
 * answers 429 before any Lambda runs, and turning it back on is an infra deploy, not an app deploy.
 */
export function stageThrottle(cfg: Pick<StageConfig, 'throttle' | 'trackingEnabled'>) {
  if (!cfg.trackingEnabled) return { throttlingRateLimit: 0, throttlingBurstLimit: 0 };
  return { throttlingRateLimit: cfg.throttle.rateLimit, throttlingBurstLimit: cfg.throttle.burstLimit };
}
