import {
  LIMITS,
  STRING_LIMITS,
  WEB_VITAL_NAMES,
  WEB_VITAL_RATINGS,
  type WebVitalMetric,
  type WebVitalName,
} from '@usermetrics/core';

/** The fields of a web-vitals `Metric` we read (kept structural so tests need not fake the library). */
export interface VitalReport {
  name: string;
  value: number;
  rating: string;
  id?: string;
  navigationType?: string;
  /** The performance entries the value comes from; their `startTime` says when it was measured. */
  entries?: readonly { startTime: number }[];
}

/**
 * Converts a web-vitals report into the §5 item, or undefined when it cannot be valid (unknown name such as
 * FID, non-finite value, unknown rating). Values are clamped into the catalog's range, so a slightly
 * negative TTFB or a 70 s LCP still counts instead of being rejected by the server.
 */
export function toWebVitalMetric(
  report: VitalReport,
  at: { url: string; route: string; timestamp: string },
): WebVitalMetric | undefined {
  if (!(WEB_VITAL_NAMES as readonly string[]).includes(report.name)) return undefined;
  const name = report.name as WebVitalName;
  if (!Number.isFinite(report.value)) return undefined; // false for non-numbers too
  if (!(WEB_VITAL_RATINGS as readonly string[]).includes(report.rating)) return undefined;
  // The catalog's caps (METRIC_CATALOG min/max) as core's LIMITS: importing the whole catalog would add
  // every Lambda metric's description to the browser bundle.
  const max = name === 'CLS' ? LIMITS.maxClsScore : LIMITS.maxTimeMetricMs;
  const min = 0;
  const metric: WebVitalMetric = {
    name,
    value: Math.min(max, Math.max(min, report.value)),
    rating: report.rating as WebVitalMetric['rating'],
    url: at.url,
    timestamp: at.timestamp,
    route: at.route.slice(0, STRING_LIMITS.route),
  };
  if (typeof report.id === 'string') metric.id = report.id.slice(0, STRING_LIMITS.metricId);
  if (typeof report.navigationType === 'string') {
    metric.navigationType = report.navigationType.slice(0, STRING_LIMITS.navigationType);
  }
  return metric;
}
