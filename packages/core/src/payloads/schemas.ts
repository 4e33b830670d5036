import * as v from 'valibot';
import { WEB_VITAL_NAMES, WEB_VITAL_RATINGS } from '../catalog/metric-catalog';
import { LIMITS, STRING_LIMITS as S } from '../constants';

// Each schema's message is the rejection reason code, so the first issue of a failed item *is* its reason.
// The schemas are built on first use, not at import: module-level calls can't be tree-shaken, and the browser
// bundle, which imports core for redaction only, must not carry valibot.
const text = (max: number, reason = 'invalid_field') => v.pipe(v.string(reason), v.maxLength(max, reason));
const optionalText = (max: number, name: string) =>
  v.optional(v.pipe(v.string(`${name} must be a string`), v.maxLength(max, `${name} is longer than ${max}`)));

/**
 * The idempotency key of a batch (#17): the browser sets one per batch and keeps it across retries, so the
 * handlers can answer a repeat without counting it again. Letters, digits and `-` only (a UUIDv7 fits), so it is
 * safe to use as a map key and in a log line as is.
 */
const BATCH_ID_PATTERN = /^[A-Za-z0-9-]+$/;

function createSchemas() {
  const batchId = v.optional(
    v.pipe(
      v.string('batchId must be a string'),
      v.minLength(1, 'batchId must not be empty'),
      v.maxLength(S.batchId, `batchId is longer than ${S.batchId}`),
      v.regex(BATCH_ID_PATTERN, 'batchId may hold only letters, digits and -'),
    ),
  );

  const isoTimestamp = v.pipe(
    v.string('invalid_timestamp'),
    v.maxLength(S.timestamp, 'invalid_timestamp'),
    v.isoTimestamp('invalid_timestamp'),
  );

  /** One web-vitals item (DESIGN §5). Range and time-window checks depend on the name and the clock. */
  const webVitalMetric = v.object({
    name: v.pipe(
      v.picklist([...WEB_VITAL_NAMES, 'FID'], 'unknown_metric'),
      v.check((name) => name !== 'FID', 'obsolete_metric'),
    ),
    value: v.pipe(v.number('invalid_value'), v.finite('invalid_value')),
    rating: v.picklist(WEB_VITAL_RATINGS, 'invalid_rating'),
    timestamp: isoTimestamp,
    url: text(S.url),
    id: v.optional(text(S.metricId)),
    navigationType: v.optional(text(S.navigationType)),
    route: v.optional(text(S.route)),
  });

  /** The envelope of POST /metrics/web-vitals; items are validated one by one so good ones survive. */
  const webVitalsPayload = v.object({
    metrics: v.pipe(
      v.array(v.unknown(), 'metrics must be an array'),
      v.minLength(LIMITS.minMetricsPerBatch, 'metrics must not be empty'),
      v.maxLength(LIMITS.maxMetricsPerBatch, `at most ${LIMITS.maxMetricsPerBatch} metrics per request`),
    ),
    sessionId: v.pipe(
      v.string('sessionId must be a string'),
      v.minLength(1, 'sessionId must not be empty'),
      v.maxLength(S.sessionId, `sessionId is longer than ${S.sessionId}`),
    ),
    userAgent: v.optional(text(S.userAgent, `userAgent must be a string of at most ${S.userAgent}`)),
    batchId,
  });

  /** The strict per-item shape, for the JSON Schema export. */
  const webVitalsPayloadItems = v.object({
    ...webVitalsPayload.entries,
    metrics: v.pipe(
      v.array(webVitalMetric),
      v.minLength(LIMITS.minMetricsPerBatch),
      v.maxLength(LIMITS.maxMetricsPerBatch),
    ),
  });

  /** POST /errors/report (DESIGN §5). */
  const errorReportPayload = v.object({
    error: v.object(
      {
        message: v.pipe(
          v.string('error.message must be a string'),
          v.maxLength(S.errorMessage, `error.message is longer than ${S.errorMessage}`),
        ),
        stack: optionalText(S.stack, 'error.stack'),
        type: optionalText(S.errorType, 'error.type'),
        handled: v.optional(v.boolean('error.handled must be a boolean')),
      },
      'error must be an object',
    ),
    context: v.optional(
      v.object(
        {
          url: optionalText(S.url, 'context.url'),
          userAgent: optionalText(S.userAgent, 'context.userAgent'),
          timestamp: v.optional(v.pipe(v.string(), v.isoTimestamp('context.timestamp must be ISO-8601'))),
          sessionId: optionalText(S.sessionId, 'context.sessionId'),
          componentStack: optionalText(S.componentStack, 'context.componentStack'),
          route: optionalText(S.route, 'context.route'),
          release: optionalText(S.release, 'context.release'),
          replayUrl: optionalText(S.replayUrl, 'context.replayUrl'),
          fingerprint: optionalText(S.fingerprint, 'context.fingerprint'),
          // Where browsers up to 0.x put it; read as `error.handled` when that is absent.
          handled: v.optional(v.boolean('context.handled must be a boolean')),
          // Any plain object: its size is bounded by `boundExtra` on ingestion, never by rejecting the report.
          extra: v.optional(
            // The check comes first: a record schema would turn an array into an object with numeric keys.
            v.pipe(
              v.unknown(),
              v.check((x) => !Array.isArray(x), 'context.extra must be an object'),
              v.record(v.string(), v.unknown(), 'context.extra must be an object'),
            ),
          ),
        },
        'context must be an object',
      ),
    ),
    batchId,
  });
  return { webVitalMetric, webVitalsPayload, webVitalsPayloadItems, errorReportPayload };
}

/** The valibot schemas of the wire payloads. */
export type PayloadSchemas = ReturnType<typeof createSchemas>;
let schemas: PayloadSchemas | undefined;

/** The payload schemas, built once on first use. */
export function getSchemas(): PayloadSchemas {
  schemas ??= createSchemas();
  return schemas;
}
