import type { LineSink } from '../io/stdout';
import type { Logger } from '../logger/types';

/** The parts of the Lambda `Context` usermetrics reads (structurally compatible with `aws-lambda`'s type). */
export interface LambdaContextLike {
  /** Id of the invocation; becomes `requestId` in log lines. */
  awsRequestId?: string;
  /** Name of the function; used when the `functionName` option and `AWS_LAMBDA_FUNCTION_NAME` are absent. */
  functionName?: string;
  /** Milliseconds left before Lambda's timeout; the timeout warning is scheduled from it. */
  getRemainingTimeInMillis?: () => number;
}

/** An async Lambda handler. */
export type AsyncHandler<TEvent = unknown, TResult = unknown, TContext = LambdaContextLike> = (
  event: TEvent,
  context: TContext,
) => Promise<TResult>;

/** A monotonic millisecond clock; injectable so tests control cold start and durations. */
export interface Clock {
  /** Milliseconds since the process started (like `performance.now()` or `process.uptime() * 1000`). */
  now(): number;
  /** Milliseconds since the epoch (like `Date.now()`), used for EMF timestamps. */
  epochMs(): number;
}

/**
 * Options of `withUsermetrics` and the middy middleware (DESIGN §10).
 * @example
 * withUsermetrics(handler, { functionName: 'orders-api', environment: 'production',
 *   route: (event) => event.routeKey });
 */
export interface UsermetricsOptions<TEvent = unknown> {
  /**
   * The `functionName` dimension and log field.
   * @default process.env.AWS_LAMBDA_FUNCTION_NAME
   */
  functionName?: string;
  /**
   * The `environment` dimension. Comes from configuration only, never from a request.
   * @default process.env.USERMETRICS_ENVIRONMENT, then process.env.NODE_ENV, then 'production'
   */
  environment?: string;
  /**
   * Namespace of the built-in metrics.
   * @default 'UserMetrics/Lambda'
   */
  namespace?: string;
  /**
   * Namespace of metrics added by user code with `metrics.add`.
   * @default process.env.AWS_EMF_NAMESPACE, then 'UserMetrics/Custom'
   */
  metricsNamespace?: string;
  /**
   * Returns the route *pattern* of an event (`/users/:id`), never a raw path. Without it the pattern is
   * taken from API Gateway's `routeKey` (HTTP API) or `resource` (REST API).
   */
  route?: (event: TEvent) => string | undefined;
  /**
   * When given, only these route patterns become dimension values; any other becomes `other`. Without it,
   * at most 50 distinct routes per process are kept (the rest become `other`).
   */
  routes?: readonly string[];
  /**
   * A WARN line and a TimeoutWarning metric are written this long before Lambda's timeout.
   * @default 500
   */
  timeoutMarginMs?: number;
  /** Logger for the wrapper's own ERROR/WARN lines. @default createLogger(functionName) */
  logger?: Logger;
  /** Where EMF lines (and the default logger's lines) go. @default synchronous stdout */
  stdout?: LineSink;
  /** Clock used for durations and cold start; for tests. @default process.uptime() * 1000 / Date.now */
  clock?: Clock;
  /**
   * Print every failure the package swallows (to protect your handler) once per place to stderr, with where it
   * happened. `USERMETRICS_DEBUG=1` does the same without code changes. Nothing changes on stdout.
   * @default false
   */
  debug?: boolean;
}
