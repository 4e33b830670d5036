import * as v from 'valibot';
import { REJECTION_REASONS, type RejectionReason } from '../catalog/dimensions';
import { METRIC_CATALOG, WEB_VITAL_METRICS } from '../catalog/metric-catalog';
import { LIMITS } from '../constants';
import { getSchemas } from './schemas';
import type { ErrorReportPayload, RejectedItem, ValidationIssue, WebVitalMetric } from './types';

/** A whole-body failure: answer 400 `invalid_payload` with these issues. */
export interface InvalidPayload {
  ok: false;
  code: 'invalid_payload';
  message: string;
  issues: ValidationIssue[];
}

/** Result of {@link validateWebVitalsPayload}: the envelope was fine; items are sorted into kept and rejected. */
export interface WebVitalsValidation {
  ok: true;
  sessionId: string;
  userAgent?: string;
  /** The batch's idempotency key, when the browser sent one. */
  batchId?: string;
  accepted: { index: number; metric: WebVitalMetric }[];
  rejected: RejectedItem[];
}

/** Options of the validators. */
export interface ValidateOptions {
  /** Clock for the timestamp window, in epoch ms. @default Date.now() */
  now?: number;
}

const MAX_ISSUES = 10;

/**
 * Validates a parsed POST /metrics/web-vitals body. A bad envelope fails the whole request; bad items are
 * rejected one by one with a reason code and the good ones are kept (DESIGN §5). Never throws.
 * @example
 * const r = validateWebVitalsPayload(JSON.parse(body));
 * if (!r.ok) return badRequest(r);
 * publish(r.accepted); count(r.rejected);
 */
export function validateWebVitalsPayload(
  input: unknown,
  options: ValidateOptions = {},
): WebVitalsValidation | InvalidPayload {
  const envelope = v.safeParse(getSchemas().webVitalsPayload, input);
  if (!envelope.success) return invalid('Invalid web-vitals payload', envelope.issues);
  const now = options.now ?? Date.now();
  const accepted: WebVitalsValidation['accepted'] = [];
  const rejected: RejectedItem[] = [];
  envelope.output.metrics.forEach((item, index) => {
    const result = validateWebVitalMetric(item, now);
    if (typeof result === 'string') rejected.push({ index, reason: result });
    else accepted.push({ index, metric: result });
  });
  const out: WebVitalsValidation = { ok: true, sessionId: envelope.output.sessionId, accepted, rejected };
  if (envelope.output.userAgent !== undefined) out.userAgent = envelope.output.userAgent;
  if (envelope.output.batchId !== undefined) out.batchId = envelope.output.batchId;
  return out;
}

/**
 * Validates one web-vitals item against the catalog: the metric or the reason it is rejected.
 * @param now epoch ms used for the 24 h (+5 min skew) timestamp window
 */
export function validateWebVitalMetric(
  item: unknown,
  now: number = Date.now(),
): WebVitalMetric | RejectionReason {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'invalid_item';
  const parsed = v.safeParse(getSchemas().webVitalMetric, item, { abortEarly: true });
  if (!parsed.success) return reasonOf(parsed.issues[0]);
  const metric = parsed.output as WebVitalMetric;
  const def = METRIC_CATALOG[WEB_VITAL_METRICS[metric.name]];
  if (metric.value < def.min || metric.value > def.max) return 'value_out_of_range';
  const at = Date.parse(metric.timestamp);
  if (!(at >= now - LIMITS.maxTimestampAgeMs && at <= now + LIMITS.maxTimestampSkewMs)) {
    return 'timestamp_out_of_range';
  }
  return metric;
}

// A missing key is reported by valibot with its own text rather than the entry's message, so the reason for
// those comes from which key it was.
const MISSING_KEY_REASON: Record<string, RejectionReason> = {
  name: 'unknown_metric',
  value: 'invalid_value',
  rating: 'invalid_rating',
  timestamp: 'invalid_timestamp',
};

function reasonOf(issue: v.BaseIssue<unknown> | undefined): RejectionReason {
  if (!issue) return 'invalid_item';
  if ((REJECTION_REASONS as readonly string[]).includes(issue.message))
    return issue.message as RejectionReason;
  const key = String(issue.path?.[0]?.key ?? '');
  return MISSING_KEY_REASON[key] ?? 'invalid_field';
}

/** Result of {@link validateErrorReport}. */
export type ErrorReportValidation = { ok: true; value: ErrorReportPayload } | InvalidPayload;

/**
 * Validates a parsed POST /errors/report body. Unknown keys are dropped from the output. Never throws.
 * @example
 * const r = validateErrorReport(JSON.parse(body));
 * if (r.ok) log(r.value.error.message);
 */
export function validateErrorReport(input: unknown): ErrorReportValidation {
  const parsed = v.safeParse(getSchemas().errorReportPayload, input);
  return parsed.success ? { ok: true, value: parsed.output } : invalid('Invalid error report', parsed.issues);
}

function invalid(message: string, issues: readonly v.BaseIssue<unknown>[]): InvalidPayload {
  return {
    ok: false,
    code: 'invalid_payload',
    message,
    issues: issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: issue.path?.map((p) => String(p.key)).join('.') || '$',
      message: issue.message,
    })),
  };
}
