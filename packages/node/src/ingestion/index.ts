export { createErrorReportHandler } from './create-error-report-handler';
export { createWebVitalsHandler } from './create-web-vitals-handler';
export type { SourceMapInput, SourceMapResolver, SourceMapsOption } from './symbolication/index';
export type {
  DedupeOptions,
  ErrorReportHandlerOptions,
  IngestionContext,
  IngestionEvent,
  IngestionHandler,
  IngestionHandlerOptions,
  IngestionLogger,
  IngestionResult,
  RateLimitOptions,
  WebVitalsHandlerOptions,
} from './types';
