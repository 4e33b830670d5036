/**
 * @usermetrics/node — AWS Lambda instrumentation: the `withUsermetrics` wrapper, structured JSON logs
 * (DESIGN §4) and CloudWatch EMF metrics (DESIGN §3) written to stdout.
 * @packageDocumentation
 */
export type { InvocationContext } from './context/invocation-store';
export { getInvocationContext } from './context/invocation-store';
export { serializeEmf } from './emf/serialize-emf';
export type { EmfInput, EmfMetric } from './emf/types';
export { EMF_UNITS } from './emf/types';
export { writeEmf } from './emf/write-emf';
export {
  createErrorReportHandler,
  createWebVitalsHandler,
  type DedupeOptions,
  type ErrorReportHandlerOptions,
  type IngestionContext,
  type IngestionEvent,
  type IngestionHandler,
  type IngestionHandlerOptions,
  type IngestionLogger,
  type IngestionResult,
  type RateLimitOptions,
  type SourceMapInput,
  type SourceMapResolver,
  type SourceMapsOption,
  type WebVitalsHandlerOptions,
} from './ingestion/index';
export type { LineSink } from './io/stdout';
export { createLogger } from './logger/create-logger';
export type { LogContext, Logger, LoggerBindings, LoggerOptions } from './logger/types';
export type { Metrics } from './metrics/metrics';
export { metrics } from './metrics/metrics';
export { publishMetric, recordColdStart, withLogging, withMetrics } from './wrapper/aliases';
export type { Invocation, InvocationLifecycle } from './wrapper/invocation-lifecycle';
export { createInvocationLifecycle } from './wrapper/invocation-lifecycle';
export type { AsyncHandler, Clock, LambdaContextLike, UsermetricsOptions } from './wrapper/types';
export { withUsermetrics } from './wrapper/with-usermetrics';
