import { STRING_LIMITS } from '@usermetrics/core/limits';
import type { RuntimeContext } from '../runtime/types';
import type { Transport } from '../transport/create-transport';
import { createVitalsPipeline, type VitalsPipeline } from '../vitals/create-vitals-pipeline';
import type { VitalReport } from '../vitals/to-web-vital-metric';
import { pageFacts } from './page-facts';

// Measured at one moment (the largest paint, the first paint, the response): attributed to the page the
// browser was on then, which after a client-side navigation is not the page current when it is reported.
// CLS and INP add up over the visit and belong to the page they are reported on.
const MEASURED_ONCE = ['LCP', 'FCP', 'TTFB'];

/**
 * Web vitals (DESIGN §5.1): subscribed in a runtime step after the load event (web-vitals' buffered
 * observers still see what happened during load), batched to POST /metrics/web-vitals. Undefined with
 * `webVitals: false`.
 */
export function createVitalsFeature(ctx: RuntimeContext, transport: Transport): VitalsPipeline | undefined {
  const { resolved } = ctx;
  if (resolved.vitalsSampleRate === undefined) return undefined;
  const hrefOf = (report: VitalReport): string => {
    const at = MEASURED_ONCE.includes(report.name) ? report.entries?.at(-1)?.startTime : undefined;
    return ctx.navigations.hrefAt(at);
  };
  return createVitalsPipeline({
    endpoint: resolved.endpoint,
    window: ctx.env.window,
    transport,
    consent: ctx.consent,
    session: ctx.session,
    clock: ctx.clock,
    log: ctx.log,
    sampleRate: resolved.vitalsSampleRate,
    maxQueueBytes: resolved.maxQueueBytes,
    flushIntervalMs: resolved.flushIntervalMs,
    userAgent: (ctx.env.navigator.userAgent ?? '').slice(0, STRING_LIMITS.userAgent),
    pageOf: (report) => pageFacts(resolved.config.routes, hrefOf(report)),
    isClosed: ctx.isClosed,
    onDrop: ctx.drop,
    onSent: ctx.sent,
  });
}
