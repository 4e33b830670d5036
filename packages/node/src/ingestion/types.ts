import type { LineSink } from '../io/stdout';
import type { SourceMapsOption } from './symbolication/types';

/**
 * Public types of the ingestion handlers (DESIGN §5). The event shapes are look-alikes of the
 * `@types/aws-lambda` ones, so users need no extra type package and both REST (v1) and HTTP API / Function
 * URL (v2) events type-check.
 */

/** The part of an API Gateway REST (v1), HTTP API (v2) or Lambda Function URL event the handlers read. */
export interface IngestionEvent {
  /** v1: the HTTP method. */
  httpMethod?: string;
  /** v2 / Function URL carry the method in `http.method`, v1 in `httpMethod`; both carry `requestId`. */
  requestContext?: { http?: { method?: string }; requestId?: string; httpMethod?: string };
  /** v2 names are lower-case; v1 keep the client's spelling. Both are matched case-insensitively. */
  headers?: Record<string, string | undefined> | null;
  /** v1 only: every value of every header. */
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** The part of the Lambda context the handlers read. */
export interface IngestionContext {
  awsRequestId?: string;
}

/** What a handler returns: valid for API Gateway v1, v2 and Function URLs alike. */
export interface IngestionResult {
  statusCode: number;
  headers: Record<string, string>;
  /** Always a JSON document, except for a 204 preflight answer (empty string). */
  body: string;
  isBase64Encoded: false;
}

/** An ingestion handler: never throws, never rejects. */
export type IngestionHandler = (
  event: IngestionEvent,
  context?: IngestionContext,
) => Promise<IngestionResult>;

/**
 * The logging calls the handlers make. The package's own `createLogger` satisfies it; so does any object with
 * these methods (`error` is the `error` of an ERROR/WARN line, `context` the record's context).
 */
export interface IngestionLogger {
  /** An INFO line with optional context. */
  info(message: string, context?: Record<string, unknown>): void;
  /** A WARN line; `error`, when given, becomes the line's `error`. */
  warn(message: string, error?: unknown, context?: Record<string, unknown>): void;
  /** An ERROR line; `error`, when given, becomes the line's `error`. */
  error(message: string, error?: unknown, context?: Record<string, unknown>): void;
  /** When present, used to put `requestId` and `sessionId` on every line of one request (DESIGN §2). */
  child?(bindings: Record<string, unknown>): IngestionLogger;
}

/** Per-container throttling: a token bucket refilled at `requestsPerSecond`. */
export interface RateLimitOptions {
  /** Sustained requests per second this container accepts before answering 429. Must be > 0. */
  requestsPerSecond: number;
  /**
   * Requests allowed in one burst (the bucket size).
   * @default Math.max(1, Math.ceil(requestsPerSecond))
   */
  burst?: number;
}

/** Options shared by both ingestion handlers. */
export interface IngestionHandlerOptions {
  /**
   * Origins (`https://app.example.com`, no path) that may send telemetry. A request whose `Origin` header is
   * present and not in this list gets 403 `origin_not_allowed` and is neither logged nor counted; a request
   * without `Origin` (server to server) is processed. `'*'` is honoured only when `environment` is `dev`,
   * `development`, `local` or `test` (any case); in every other environment (`production`, `prod-eu`,
   * `staging`, …) it is ignored with a warning.
   * @default []
   */
  allowedOrigins?: readonly string[];
  /**
   * The `environment` metric dimension. Only ever taken from configuration, never from a request.
   * @default process.env.USERMETRICS_ENVIRONMENT, then process.env.NODE_ENV, then 'production'
   */
  environment?: string;
  /**
   * Route patterns (`/users/:id`) accepted as the `route` dimension. A client-sent route outside this list,
   * or a raw URL, becomes `other`; without a route, the item's URL path is matched against the patterns.
   * @default []
   */
  routes?: readonly string[];
  /** Answer 429 `rate_limited` (with `Retry-After`) above this rate, per container; preflights count. @default undefined (off) */
  rateLimit?: RateLimitOptions;
  /**
   * Called for every POST and OPTIONS request from an allowed origin, before the body is read: return `true` (Retry-After 1 s) or a number of seconds
   * greater than 0 to answer 429 `rate_limited`. A callback that throws is treated as `false` and logged.
   * @default undefined
   */
  shouldThrottle?: (event: IngestionEvent) => boolean | number;
  /** Where log lines go. @default createLogger(functionName, { destination: stdout }) */
  logger?: IngestionLogger;
  /** Where EMF documents (and the default logger's lines) are written. @default process.stdout */
  stdout?: LineSink;
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
  /**
   * Print every failure the package swallows (to protect your handler) once per place to stderr, with where it
   * happened. `USERMETRICS_DEBUG=1` does the same without code changes. Nothing changes on stdout.
   * @default false
   */
  debug?: boolean;
  /** `functionName` of log lines. @default process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'usermetrics-ingestion' */
  functionName?: string;
  /** `Access-Control-Max-Age` of preflight answers, in seconds (0–86400). @default 600 */
  corsMaxAgeSeconds?: number;
}

/** Options of {@link createWebVitalsHandler}. */
export type WebVitalsHandlerOptions = IngestionHandlerOptions;

/** How repeated error reports are recognised inside one warm container. */
export interface DedupeOptions {
  /** Sessions remembered (least recently used forgotten first). @default 1000 */
  maxSessions?: number;
  /** Fingerprints remembered per session. @default 50 */
  maxFingerprintsPerSession?: number;
}

/** Options of {@link createErrorReportHandler}. */
export interface ErrorReportHandlerOptions extends IngestionHandlerOptions {
  /**
   * Reports repeating a fingerprint already seen in the same session are counted in `FrontendErrors` but
   * logged only as a short INFO line. `false` logs every report in full.
   * @default { maxSessions: 1000, maxFingerprintsPerSession: 50 }
   */
  dedupe?: DedupeOptions | false;
  /**
   * Where the release's private source maps are (`@usermetrics/vite` writes and uploads them): a folder, an S3
   * bucket (`@aws-sdk/client-s3` imported only then; a map is fetched once per release and file, on a cache
   * miss) or your own lookup. Each ERROR line then adds `error.frames` with original positions and an
   * `issueId` that survives deploys (DESIGN §5). Without it, stacks are logged as sent.
   * @default undefined
   */
  sourceMaps?: SourceMapsOption;
  /**
   * Wall time one report may spend waiting for source maps; frames not resolved by then are logged raw.
   * Symbolication never fails a report.
   * @default 200
   */
  symbolicationBudgetMs?: number;
}
