import { isUuid } from '@usermetrics/core';
import type { ErrorsOptions, TrackerConfig, TransportOptions, WebVitalsOptions } from '../types';

/** Configuration with defaults applied; produced only from a valid {@link TrackerConfig}. */
export interface ResolvedConfig {
  config: TrackerConfig;
  endpoint: string;
  environment: string;
  respectDoNotTrack: boolean;
  flushIntervalMs: number;
  maxQueueBytes: number;
  vitalsSampleRate: number | undefined;
  errors: { captureGlobal: boolean; maxPerSession: number } | undefined;
  replaySampleRate: number;
}

const DEFAULT_FLUSH_MS = 5000;
const DEFAULT_QUEUE_BYTES = 256 * 1024;
const DEFAULT_ERRORS_PER_SESSION = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRate = (v: unknown): boolean => v === undefined || (typeof v === 'number' && v >= 0 && v <= 1);
const isHttpUrl = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Environment from the page's host when the app did not say: localhost-like hosts are `development`,
 * `staging.`/`stage.`/`-staging` hosts are `staging`, everything else `production`.
 */
export function detectEnvironment(hostname: string | undefined): string {
  if (!hostname) return 'production';
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$|\.(local|localhost|test)$/.test(hostname)) {
    return 'development';
  }
  if (/(^|[.-])(staging|stage|preprod)([.-]|$)/.test(hostname)) return 'staging';
  return 'production';
}

/**
 * Validates the configuration. Returns the resolved config, or the first problem found as a sentence for
 * the single console warning.
 */
export function resolveConfig(config: unknown, hostname: string | undefined): ResolvedConfig | string {
  if (!isObject(config)) return 'config must be an object';
  const c = config as unknown as TrackerConfig;
  if (!isHttpUrl(c.endpoint)) return 'config.endpoint must be an absolute http(s) URL';
  if (c.environment !== undefined && (typeof c.environment !== 'string' || c.environment === '')) {
    return 'config.environment must be a non-empty string';
  }
  if (c.release !== undefined && typeof c.release !== 'string') return 'config.release must be a string';
  if (
    c.routes !== undefined &&
    typeof c.routes !== 'function' &&
    !(Array.isArray(c.routes) && c.routes.every((r) => typeof r === 'string'))
  ) {
    return 'config.routes must be an array of patterns or a function';
  }
  if (c.consent !== undefined && c.consent !== 'pending' && !isObject(c.consent)) {
    return "config.consent must be an object or 'pending'";
  }
  if (
    c.propagateToOrigins !== undefined &&
    !(
      Array.isArray(c.propagateToOrigins) &&
      c.propagateToOrigins.every((o) => typeof o === 'string' || o instanceof RegExp)
    )
  ) {
    return 'config.propagateToOrigins must be an array of origin strings or RegExps';
  }
  if (
    c.umami !== undefined &&
    !(isObject(c.umami) && isUuid(c.umami.websiteId) && isHttpUrl(c.umami.hostUrl))
  ) {
    return 'config.umami needs a UUID websiteId and an http(s) hostUrl';
  }
  if (
    c.replay !== undefined &&
    !(
      isObject(c.replay) &&
      typeof c.replay.projectKey === 'string' &&
      c.replay.projectKey !== '' &&
      isHttpUrl(c.replay.ingestPoint) &&
      isRate(c.replay.sampleRate)
    )
  ) {
    return 'config.replay needs a projectKey, an http(s) ingestPoint and a sampleRate between 0 and 1';
  }
  if (
    c.webVitals !== undefined &&
    c.webVitals !== false &&
    !(isObject(c.webVitals) && isRate(c.webVitals.sampleRate))
  ) {
    return 'config.webVitals.sampleRate must be between 0 and 1';
  }
  const errors: ErrorsOptions | undefined = c.errors === false ? undefined : (c.errors ?? {});
  if (errors !== undefined) {
    if (typeof errors !== 'object' || errors === null) return 'config.errors must be an object or false';
    const max: unknown = errors.maxPerSession;
    if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max >= 0)) {
      return 'config.errors.maxPerSession must be a non-negative integer';
    }
  }
  const transport: TransportOptions = c.transport ?? {};
  if (typeof transport !== 'object' || transport === null) return 'config.transport must be an object';
  const { flushIntervalMs = DEFAULT_FLUSH_MS, maxQueueBytes = DEFAULT_QUEUE_BYTES } = transport;
  if (!(typeof flushIntervalMs === 'number' && flushIntervalMs >= 0 && Number.isFinite(flushIntervalMs))) {
    return 'config.transport.flushIntervalMs must be a finite number ≥ 0';
  }
  if (!(typeof maxQueueBytes === 'number' && maxQueueBytes >= 1024)) {
    return 'config.transport.maxQueueBytes must be at least 1024';
  }
  return {
    config: c,
    endpoint: c.endpoint.replace(/\/+$/, ''),
    environment: c.environment ?? detectEnvironment(hostname),
    respectDoNotTrack: c.respectDoNotTrack !== false,
    flushIntervalMs,
    maxQueueBytes,
    vitalsSampleRate:
      c.webVitals === false ? undefined : ((c.webVitals as WebVitalsOptions | undefined)?.sampleRate ?? 1),
    errors:
      errors === undefined
        ? undefined
        : {
            captureGlobal: errors.captureGlobal !== false,
            maxPerSession: errors.maxPerSession ?? DEFAULT_ERRORS_PER_SESSION,
          },
    replaySampleRate: c.replay?.sampleRate ?? 1,
  };
}
