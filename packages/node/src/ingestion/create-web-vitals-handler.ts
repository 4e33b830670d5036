import {
  METRIC_CATALOG,
  NAMESPACES,
  parseSessionId,
  type RejectedItem,
  type RejectionReason,
  redactString,
  sanitizeUrl,
  validateWebVitalsPayload,
  WEB_VITAL_METRICS,
  type WebVitalsResponse,
  type WebVitalsValidation,
} from '@usermetrics/core';
import { createIngestionHandler, type ParsedRequest } from './create-ingestion-handler';
import { toRejectionReason } from './rejection-reason';
import type { ResolvedOptions } from './resolve-options';
import { resolveSafely } from './resolve-safely';
import { errorResponse, jsonResponse } from './responses';
import { routeDimension } from './route-dimension';
import { dimensionSetsOf } from './sinks';
import type { IngestionHandler, WebVitalsHandlerOptions } from './types';

const REJECTED_DEF = METRIC_CATALOG.MetricsRejected;
const REJECTED_SETS = /* @__PURE__ */ dimensionSetsOf(REJECTED_DEF);
// Every web vital shares the same dimension sets; built once, not per item.
const VITAL_SETS = /* @__PURE__ */ dimensionSetsOf(METRIC_CATALOG.LargestContentfulPaint);

/**
 * Lambda handler for `POST /metrics/web-vitals` (API Gateway REST v1, HTTP API v2, Function URL). Each valid
 * item becomes one EMF document in `UserMetrics/Frontend` with dimension sets `[environment]` and
 * `[environment, route]`; invalid items are answered and counted in `MetricsRejected` by reason, and never
 * stop the valid ones. Never throws; client mistakes get 4xx with a JSON reason (DESIGN §5).
 * @example
 * export const handler = createWebVitalsHandler({
 *   allowedOrigins: ['https://app.example.com'],
 *   environment: 'production',
 *   routes: ['/users/:id'],
 * });
 */
export function createWebVitalsHandler(options?: WebVitalsHandlerOptions): IngestionHandler {
  const resolved = resolveSafely('createWebVitalsHandler', options);
  return createIngestionHandler(resolved, (parsed) => processWebVitals(resolved, parsed));
}

function processWebVitals(o: ResolvedOptions, parsed: ParsedRequest) {
  const now = o.now();
  const result = validateWebVitalsPayload(parsed.json, { now });
  if (!result.ok) return errorResponse(400, 'invalid_payload', result.message, parsed.headers, result.issues);
  // Held to core's one session-id rule (#18 item 4); a session id that fails it is left out of the
  // documents, the metrics still count.
  const sessionId = parseSessionId(result.sessionId);
  return parsed.once(result.batchId, sessionId, () => publish(o, result, sessionId, now, parsed.headers));
}

function publish(
  o: ResolvedOptions,
  result: WebVitalsValidation,
  sessionId: string | undefined,
  now: number,
  headers: Record<string, string>,
) {
  for (const { metric } of result.accepted) {
    const name = WEB_VITAL_METRICS[metric.name];
    const def = METRIC_CATALOG[name];
    const properties: Record<string, unknown> = {
      ...(sessionId === undefined ? {} : { sessionId }),
      rating: metric.rating,
      url: sanitizeUrl(metric.url),
    };
    if (metric.navigationType !== undefined) properties.navigationType = redactString(metric.navigationType);
    if (metric.id !== undefined) properties.metricId = redactString(metric.id);
    o.emit({
      namespace: NAMESPACES.frontend,
      dimensionSets: VITAL_SETS,
      dimensions: { environment: o.environment, route: routeDimension(metric.route, metric.url, o.routes) },
      metrics: [{ name, unit: def.unit, value: metric.value }],
      properties,
      // The validator keeps timestamps within 24 h, inside what CloudWatch accepts for EMF.
      timestamp: Date.parse(metric.timestamp),
    });
  }

  const rejected: RejectedItem[] = result.rejected.map(({ index, reason }) => ({
    index,
    reason: toRejectionReason(reason),
  }));
  const byReason = new Map<RejectionReason, number>();
  for (const { reason } of rejected) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  for (const [reason, count] of byReason) {
    o.emit({
      namespace: NAMESPACES.frontend,
      dimensionSets: REJECTED_SETS,
      dimensions: { environment: o.environment, reason },
      metrics: [{ name: REJECTED_DEF.name, unit: REJECTED_DEF.unit, value: count }],
      properties: sessionId === undefined ? {} : { sessionId },
      timestamp: now,
    });
  }

  // metricsReceived counts the items accepted and published; the two counts add up to metrics.length.
  const body: WebVitalsResponse = {
    success: true,
    metricsReceived: result.accepted.length,
    metricsRejected: rejected.length,
  };
  if (rejected.length > 0) body.rejected = rejected;
  return jsonResponse(200, body, headers);
}
