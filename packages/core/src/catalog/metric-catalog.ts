/**
 * The metric catalog (DESIGN §3): the one table the Lambda wrapper emits, the ingestion handlers validate
 * against and the Grafana dashboards are generated from. Data only, so a dashboard generator can read it.
 */
export const NAMESPACES = {
  lambda: 'UserMetrics/Lambda',
  frontend: 'UserMetrics/Frontend',
} as const;

/** CloudWatch units used by the catalog. */
export type MetricUnit = 'Count' | 'Milliseconds' | 'None';

/** One catalog entry. */
export interface MetricDefinition {
  readonly namespace: string;
  readonly name: string;
  readonly unit: MetricUnit;
  readonly dimensionSets: readonly (readonly string[])[];
  /** Inclusive bounds a raw sample must respect. */
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

// Literals, not NAMESPACES.x: a property read is not provably pure to esbuild and would pin the table in bundles.
const lambda = 'UserMetrics/Lambda';
const frontend = 'UserMetrics/Frontend';
const FN_ENV = ['functionName', 'environment'] as const;
const ENV = ['environment'] as const;
const ENV_ROUTE = ['environment', 'route'] as const;
// No spreads in this table: esbuild cannot prove a spread pure, and the catalog must tree-shake out of the browser.
const DAY_MS = 86_400_000;

/** Every metric usermetrics emits itself. Keys are the metric names. */
export const METRIC_CATALOG = {
  Invocations: {
    namespace: lambda,
    name: 'Invocations',
    unit: 'Count',
    dimensionSets: [FN_ENV],
    min: 0,
    max: 1,
    description: 'One per handler invocation.',
  },
  Errors: {
    namespace: lambda,
    name: 'Errors',
    unit: 'Count',
    dimensionSets: [FN_ENV, ['functionName', 'environment', 'errorType']],
    min: 0,
    max: 1,
    description: 'One per invocation whose handler threw or rejected.',
  },
  ColdStart: {
    namespace: lambda,
    name: 'ColdStart',
    unit: 'Count',
    dimensionSets: [FN_ENV],
    min: 0,
    max: 1,
    description: '1 on the first on-demand invocation of a process, 0 otherwise.',
  },
  InitDuration: {
    namespace: lambda,
    name: 'InitDuration',
    unit: 'Milliseconds',
    dimensionSets: [FN_ENV],
    min: 0,
    max: 600_000,
    description: 'Process start to first invocation, cold starts only.',
  },
  Duration: {
    namespace: lambda,
    name: 'Duration',
    unit: 'Milliseconds',
    dimensionSets: [FN_ENV, ['functionName', 'environment', 'route']],
    min: 0,
    max: 900_000,
    description: 'Handler duration; the route set only when an API route pattern is known.',
  },
  TimeoutWarning: {
    namespace: lambda,
    name: 'TimeoutWarning',
    unit: 'Count',
    dimensionSets: [FN_ENV],
    min: 0,
    max: 1,
    description: 'The invocation came within the configured margin of its timeout.',
  },
  LargestContentfulPaint: {
    namespace: frontend,
    name: 'LargestContentfulPaint',
    unit: 'Milliseconds',
    dimensionSets: [ENV, ENV_ROUTE],
    min: 0,
    max: 60_000,
    description: 'LCP from the web-vitals library.',
  },
  InteractionToNextPaint: {
    namespace: frontend,
    name: 'InteractionToNextPaint',
    unit: 'Milliseconds',
    dimensionSets: [ENV, ENV_ROUTE],
    min: 0,
    max: 60_000,
    description: 'INP from the web-vitals library (replaces FID).',
  },
  CumulativeLayoutShift: {
    namespace: frontend,
    name: 'CumulativeLayoutShift',
    unit: 'None',
    dimensionSets: [ENV, ENV_ROUTE],
    min: 0,
    max: 100,
    description: 'CLS score from the web-vitals library.',
  },
  FirstContentfulPaint: {
    namespace: frontend,
    name: 'FirstContentfulPaint',
    unit: 'Milliseconds',
    dimensionSets: [ENV, ENV_ROUTE],
    min: 0,
    max: 60_000,
    description: 'FCP from the web-vitals library.',
  },
  TimeToFirstByte: {
    namespace: frontend,
    name: 'TimeToFirstByte',
    unit: 'Milliseconds',
    dimensionSets: [ENV, ENV_ROUTE],
    min: 0,
    max: 60_000,
    description: 'TTFB from the web-vitals library.',
  },
  FrontendErrors: {
    namespace: frontend,
    name: 'FrontendErrors',
    unit: 'Count',
    dimensionSets: [ENV, ['environment', 'errorType']],
    min: 0,
    max: 1,
    description: 'One per error report accepted, duplicates included.',
  },
  MetricsRejected: {
    namespace: frontend,
    name: 'MetricsRejected',
    unit: 'Count',
    dimensionSets: [['environment', 'reason']],
    min: 0,
    max: 50,
    description: 'Web-vitals items rejected by the ingestion handler, by reason code.',
  },
} as const satisfies Record<string, MetricDefinition>;

/** A metric name from the catalog. */
export type CatalogMetricName = keyof typeof METRIC_CATALOG;

/** The web vitals accepted on the wire (DESIGN §5); FID is gone (web-vitals ≥ 5). */
export const WEB_VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
/** A web-vital short name. */
export type WebVitalName = (typeof WEB_VITAL_NAMES)[number];

/** Short wire name → catalog metric name. */
export const WEB_VITAL_METRICS = {
  LCP: 'LargestContentfulPaint',
  INP: 'InteractionToNextPaint',
  CLS: 'CumulativeLayoutShift',
  FCP: 'FirstContentfulPaint',
  TTFB: 'TimeToFirstByte',
} as const satisfies Record<WebVitalName, CatalogMetricName>;

/** Ratings the web-vitals library assigns. */
export const WEB_VITAL_RATINGS = ['good', 'needs-improvement', 'poor'] as const;
/** A web-vitals rating. */
export type WebVitalRating = (typeof WEB_VITAL_RATINGS)[number];

/** Used by the timestamp validator. */
export const ONE_DAY_MS = DAY_MS;
