import { isSampled, type WebVitalMetric } from '@usermetrics/core';
import type { Consent } from '../consent/create-consent';
import { type DebugLogger, guard } from '../internal/debug-logger';
import { createBatchId } from '../session/create-id';
import type { Session } from '../session/create-session';
import { createBatchQueue } from '../transport/create-batch-queue';
import type { Transport } from '../transport/create-transport';
import type { Clock } from '../transport/types';
import type { DropReason } from '../types';
import { subscribeWebVitals } from './subscribe-web-vitals';
import { toWebVitalMetric, type VitalReport } from './to-web-vital-metric';

/** What the web-vitals pipeline reads from the tracker. */
export interface VitalsPipelineDeps {
  endpoint: string;
  window: Window;
  transport: Transport;
  consent: Consent;
  session: Session;
  clock: Clock;
  log: DebugLogger;
  sampleRate: number;
  maxQueueBytes: number;
  flushIntervalMs: number;
  userAgent: string;
  /** Sanitized URL and route pattern of the page a report was measured on. */
  pageOf: (report: VitalReport) => { url: string; route: string };
  isClosed: () => boolean;
  onDrop: (reason: DropReason, count: number) => void;
  onSent: (count: number) => void;
}

/** Web vitals from subscription to POST /metrics/web-vitals. */
export interface VitalsPipeline {
  /**
   * Subscribes to LCP, INP and CLS and installs the hide flush; returns the function removing the listeners.
   * Called after the load event: web-vitals' buffered observers still report what happened before.
   */
  start(): () => void;
  /** Subscribes FCP and TTFB: the start-up step after {@link VitalsPipeline.start}'s, so neither is a long task. */
  startRest(): void;
  flush(): Promise<void>;
  /** Drops everything queued (consent revoked). */
  clear(reason: DropReason): void;
  stop(): void;
}

interface QueuedVital {
  sessionId: string;
  metric: WebVitalMetric;
}

/** Creates the pipeline: consent and sampling gates, clamping, the byte-budgeted queue and the hide flush. */
export function createVitalsPipeline(deps: VitalsPipelineDeps): VitalsPipeline {
  const { window: w, consent, log, onDrop } = deps;
  const doc = w.document;
  const url = `${deps.endpoint}/metrics/web-vitals`;
  const queue = createBatchQueue<QueuedVital>({
    maxQueueBytes: deps.maxQueueBytes,
    flushIntervalMs: deps.flushIntervalMs,
    clock: deps.clock,
    keyOf: (item) => item.sessionId,
    envelope: (sessionId, items) =>
      JSON.stringify({
        metrics: items.map((i) => i.metric),
        sessionId,
        userAgent: deps.userAgent || undefined,
        batchId: createBatchId(),
      }),
    onDrop,
    async send(body, items, beacon) {
      const outcome = await deps.transport.send(
        { url, body, contentType: 'text/plain;charset=UTF-8', beacon, readBody: !beacon },
        { isAllowed: () => consent.allows('performance') },
      );
      if (!outcome.ok) return onDrop(outcome.reason, items.length);
      const rejected = countServerRejections(outcome.body, items.length);
      deps.onSent(items.length - rejected);
      if (rejected > 0) onDrop('rejected', rejected);
    },
  });

  const onVital = (report: VitalReport): void =>
    guard(
      log,
      'webVitals',
      () => {
        if (deps.isClosed()) return;
        if (!consent.allows('performance')) return onDrop('consent', 1);
        const sessionId = deps.session.getId();
        if (!isSampled(sessionId, deps.sampleRate)) return onDrop('sampled_out', 1);
        const { url: pageUrl, route } = deps.pageOf(report);
        const timestamp = new Date(deps.clock.now()).toISOString();
        const metric = toWebVitalMetric(report, { url: pageUrl, route, timestamp });
        if (metric) queue.add({ sessionId, metric });
        else onDrop('rejected', 1);
      },
      undefined,
    );

  const onHidden = (): void => guard(log, 'hide', () => void queue.flush(true), undefined);
  const onVisibility = (): void => {
    if (doc.visibilityState === 'hidden') onHidden();
  };

  return {
    start() {
      guard(log, 'webVitals', () => subscribeWebVitals(onVital, 0), undefined);
      // Ordering matters: on hide, web-vitals reports the final CLS/INP from its own `visibilitychange`
      // listener, and those reports must be queued before we flush. web-vitals listens on `window` in the
      // capture phase; we listen on `document` in the bubble phase. Capture listeners on `window` run
      // before any listener on the target (`document`) during the same dispatch, whatever the registration
      // order, so the final values are already queued when our listener sends the beacon. We also
      // register only after subscribing, so even a future web-vitals listening on `document` would run
      // first (same target and phase → registration order).
      doc.addEventListener('visibilitychange', onVisibility);
      w.addEventListener('pagehide', onHidden);
      return () => {
        doc.removeEventListener('visibilitychange', onVisibility);
        w.removeEventListener('pagehide', onHidden);
      };
    },
    // Its caller (a start-up step) reports what throws.
    startRest: () => subscribeWebVitals(onVital, 1),
    flush: () => queue.flush(false),
    clear: (reason) => queue.clear(reason),
    stop: () => queue.stop(),
  };
}

function countServerRejections(body: string | undefined, total: number): number {
  try {
    const n = Number((JSON.parse(body ?? '') as { metricsRejected?: unknown }).metricsRejected);
    return n > 0 ? Math.min(n, total) : 0;
  } catch {
    return 0;
  }
}
