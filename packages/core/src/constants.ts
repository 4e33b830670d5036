/**
 * Hard limits of the wire contract (DESIGN §5, §6, §8). Every package reads them from here so the browser,
 * the ingestion handlers and the dashboards can never disagree.
 */
export const LIMITS = {
  /** Largest request body the ingestion handlers accept (bytes, after base64 decoding). */
  maxBodyBytes: 102_400,
  /** Web-vitals items per request. */
  minMetricsPerBatch: 1,
  maxMetricsPerBatch: 50,
  /** Largest value of a time-based web vital, in milliseconds. */
  maxTimeMetricMs: 60_000,
  /** Largest accepted Cumulative Layout Shift score. */
  maxClsScore: 100,
  /** How old a metric timestamp may be. */
  maxTimestampAgeMs: 86_400_000, // 24 h
  /** How far in the future a metric timestamp may be (clock skew). */
  maxTimestampSkewMs: 300_000, // 5 min
  /** Largest single browser request: sendBeacon and keepalive fetch stop at 64 KiB. */
  maxBeaconBytes: 61_440, // 60 KiB
  /** A session rotates after this much inactivity. */
  sessionIdleMs: 1_800_000, // 30 min
  /** EMF: metrics and dimensions per document. */
  emfMaxMetrics: 100,
  emfMaxDimensions: 30,
  /** `context.extra` of an error report: keys per object, nesting depth, and JSON size in bytes. */
  maxExtraKeys: 20,
  maxExtraDepth: 3,
  maxExtraBytes: 2048,
} as const;

/**
 * A release that can name a folder and an S3 key segment of the private source maps (DESIGN §5): a letter
 * or digit, then up to 99 letters, digits, `. _ - + @`. No `/`, so it never climbs out of its folder.
 * `@usermetrics/vite` refuses other releases; the error-report handler does not symbolicate them.
 */
export const RELEASE_PATTERN = /^[A-Za-z0-9][\w.+@-]{0,99}$/;

/** Longest accepted length of each free-text field, in UTF-16 code units. */
export const STRING_LIMITS = {
  sessionId: 64,
  metricId: 128,
  url: 2000,
  userAgent: 512,
  route: 200,
  navigationType: 32,
  errorMessage: 2000,
  errorType: 100,
  stack: 16_384,
  componentStack: 16_384,
  release: 100,
  replayUrl: 2000,
  fingerprint: 128,
  timestamp: 40,
  batchId: 64,
} as const;

/** Umami's own request-schema limits (DESIGN §6); payloads over them are rejected by Umami. */
export const UMAMI_LIMITS = {
  hostname: 100,
  language: 35,
  screen: 11,
  eventName: 50,
  url: 2000,
  urlPathAndHash: 500,
  urlQuery: 500,
  title: 500,
} as const;
