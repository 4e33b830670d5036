import { isUuid } from '@usermetrics/core/ids';
import type {
  ErrorsOptions,
  ReplayOptions,
  TrackerConfig,
  TransportOptions,
  UmamiOptions,
  WebVitalsOptions,
} from '../types';

/** Configuration with defaults applied; produced only from a valid {@link TrackerConfig}. */
export interface ResolvedConfig {
  config: TrackerConfig;
  endpoint: string;
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

const opt = (v: unknown, ok: (v: never) => unknown): boolean => v === undefined || !!ok(v as never);
const list = (v: unknown, ok: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(ok);
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The first invalid field of `c`, or undefined when valid. Only the field's name (its TSDoc says what is
 * expected) and a hint where the TSDoc cannot: these strings ship on the critical path.
 */
function problem(
  c: TrackerConfig,
  errors: ErrorsOptions | undefined,
  t: TransportOptions,
): string | undefined {
  const { flushIntervalMs: f = DEFAULT_FLUSH_MS, maxQueueBytes: q = DEFAULT_QUEUE_BYTES } = isObject(t)
    ? t
    : {};
  const checks: [unknown, string][] = [
    [opt(c.enabled, (v) => typeof v === 'boolean'), 'enabled'],
    [isHttpUrl(c.endpoint), 'endpoint (absolute http(s) URL)'],
    [opt(c.environment, (v) => isString(v) && v), 'environment'],
    [opt(c.release, isString), 'release'],
    [opt(c.routes, (v) => typeof v === 'function' || list(v, isString)), 'routes'],
    [opt(c.consent, (v) => v === 'pending' || isObject(v)), 'consent'],
    [
      opt(c.propagateToOrigins, (v) => list(v, (o) => isString(o) || o instanceof RegExp)),
      'propagateToOrigins',
    ],
    [opt(c.umami, (u: UmamiOptions) => isObject(u) && isUuid(u.websiteId) && isHttpUrl(u.hostUrl)), 'umami'],
    [
      opt(
        c.replay,
        (r: ReplayOptions) =>
          isObject(r) &&
          isString(r.projectKey) &&
          r.projectKey &&
          isHttpUrl(r.ingestPoint) &&
          isRate(r.sampleRate),
      ),
      'replay',
    ],
    [
      opt(c.webVitals, (v: WebVitalsOptions | false) => v === false || (isObject(v) && isRate(v.sampleRate))),
      'webVitals',
    ],
    [opt(errors, isObject), 'errors'],
    [opt(errors?.maxPerSession, (m: number) => Number.isInteger(m) && m >= 0), 'errors.maxPerSession'],
    [isObject(t), 'transport'],
    [typeof f === 'number' && f >= 0 && Number.isFinite(f), 'transport.flushIntervalMs'],
    [typeof q === 'number' && q >= 1024, 'transport.maxQueueBytes (≥ 1024)'],
  ];
  return checks.find(([ok]) => !ok)?.[1];
}

/**
 * Validates the configuration. Returns the resolved config, or the first problem found as a sentence for
 * the single console warning.
 */
export function resolveConfig(config: unknown): ResolvedConfig | string {
  if (!isObject(config)) return 'config must be an object';
  const c = config as unknown as TrackerConfig;
  const errors: ErrorsOptions | undefined = c.errors === false ? undefined : (c.errors ?? {});
  const transport: TransportOptions = c.transport ?? {};
  const bad = problem(c, errors, transport);
  if (bad) return `invalid config.${bad}`;
  const { flushIntervalMs = DEFAULT_FLUSH_MS, maxQueueBytes = DEFAULT_QUEUE_BYTES } = transport;
  return {
    config: c,
    endpoint: c.endpoint.replace(/\/+$/, ''),
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
