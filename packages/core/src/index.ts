/**
 * @usermetrics/core — the wire contract shared by every usermetrics package: metric catalog, log record,
 * payload types and validators, limits, PII redaction, ids. No Node or DOM globals.
 * @packageDocumentation
 */
export type { ErrorType, RejectionReason } from './catalog/dimensions';
export {
  ERROR_TYPES,
  matchRoute,
  normalizeErrorType,
  normalizeRoute,
  OTHER_ROUTE,
  REJECTION_REASONS,
} from './catalog/dimensions';
export type {
  CatalogMetricName,
  MetricDefinition,
  MetricUnit,
  WebVitalName,
  WebVitalRating,
} from './catalog/metric-catalog';
export {
  METRIC_CATALOG,
  NAMESPACES,
  WEB_VITAL_METRICS,
  WEB_VITAL_NAMES,
  WEB_VITAL_RATINGS,
} from './catalog/metric-catalog';
export { LIMITS, RELEASE_PATTERN, STRING_LIMITS, UMAMI_LIMITS } from './constants';
export { createId, hashString, isSampled, isUuid, utf8ByteLength } from './ids/ids';
export { parseSessionId, SESSION_ID_HEADER } from './ids/session-id';
export type { ErrorFrame, LogLevel, LogRecord, SerializedError } from './log/log-record';
export { LOG_LEVELS } from './log/log-record';
export { serializeError } from './log/serialize-error';
export { boundExtra } from './payloads/bound-extra';
export { errorReportPayloadJsonSchema, webVitalsPayloadJsonSchema } from './payloads/json-schemas';
export type {
  ErrorReportContext,
  ErrorReportPayload,
  ErrorReportResponse,
  IngestionErrorCode,
  IngestionErrorResponse,
  RejectedItem,
  ValidationIssue,
  WebVitalMetric,
  WebVitalsPayload,
  WebVitalsResponse,
} from './payloads/types';
export { INGESTION_ERROR_CODES } from './payloads/types';
export type {
  ErrorReportValidation,
  InvalidPayload,
  ValidateOptions,
  WebVitalsValidation,
} from './payloads/validate';
export { validateErrorReport, validateWebVitalMetric, validateWebVitalsPayload } from './payloads/validate';
export type { RedactOptions, SanitizeUrlOptions } from './redaction/index';
export {
  isSensitiveKey,
  isSensitiveParam,
  luhnCheck,
  REDACTED,
  redact,
  redactString,
  sanitizeUrl,
} from './redaction/index';
