import type * as v from 'valibot';
import type { RejectionReason } from '../catalog/dimensions';
import type { PayloadSchemas } from './schemas';

/** One web-vitals measurement as sent by the browser. */
export type WebVitalMetric = Omit<v.InferOutput<PayloadSchemas['webVitalMetric']>, 'name'> & {
  name: 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';
};

/** Body of POST /metrics/web-vitals. */
export interface WebVitalsPayload {
  metrics: WebVitalMetric[];
  sessionId: string;
  userAgent?: string;
  /** Idempotency key of this batch, kept across its retries (1–64 of `[A-Za-z0-9-]`). */
  batchId?: string;
}

/** Body of POST /errors/report. */
export type ErrorReportPayload = v.InferOutput<PayloadSchemas['errorReportPayload']>;
/** The `context` part of an error report. */
export type ErrorReportContext = NonNullable<ErrorReportPayload['context']>;

/** One rejected web-vitals item. */
export interface RejectedItem {
  index: number;
  reason: RejectionReason;
}

/** 200 answer of POST /metrics/web-vitals. */
export interface WebVitalsResponse {
  success: true;
  metricsReceived: number;
  metricsRejected: number;
  /** Present only when `metricsRejected` > 0. */
  rejected?: RejectedItem[];
}

/** 200 answer of POST /errors/report. */
export interface ErrorReportResponse {
  success: true;
  errorId: string;
  /** True when the same fingerprint was already reported in this session (counted, not logged again). */
  duplicate?: boolean;
}

/** Error codes of the ingestion API. */
export const INGESTION_ERROR_CODES = [
  'payload_too_large',
  'unsupported_media_type',
  'invalid_json',
  'invalid_payload',
  'rate_limited',
  'method_not_allowed',
  'origin_not_allowed',
  'internal',
] as const;
/** An ingestion API error code. */
export type IngestionErrorCode = (typeof INGESTION_ERROR_CODES)[number];

/** A schema problem, by JSON path. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Error answer of both ingestion endpoints (4xx, or 500 with code `internal`). */
export interface IngestionErrorResponse {
  success: false;
  error: { code: IngestionErrorCode; message: string; issues?: ValidationIssue[] };
}
