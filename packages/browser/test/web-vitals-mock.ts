import type { VitalReport } from '../src/vitals/to-web-vital-metric';

/** Callbacks the mocked web-vitals module received, by metric name. */
export const vitalCallbacks = new Map<string, (report: VitalReport) => void>();
// Reports emitted before anyone subscribed: web-vitals' observers are `buffered`, so a late subscriber
// still gets what the page measured before (what the tracker relies on: it subscribes after load).
const buffered: { as: string; report: VitalReport }[] = [];

/** Forgets every subscriber and buffered report (call before each test: trackers of earlier tests are gone). */
export function resetVitals(): void {
  vitalCallbacks.clear();
  buffered.length = 0;
}

/**
 * Emits a report as web-vitals would: to the subscriber, or buffered until one subscribes. The report's
 * entry carries the time it was measured (`performance.now()`), as a real performance entry does.
 */
export function emitVital(name: string, value: number, extra: Partial<VitalReport> = {}): void {
  const report: VitalReport = {
    name,
    value,
    rating: 'good',
    id: `v5-${name}-1`,
    navigationType: 'navigate',
    entries: [{ startTime: performance.now() }],
    ...extra,
  };
  const cb = vitalCallbacks.get(name);
  if (cb) cb(report);
  else buffered.push({ as: name, report });
}

/**
 * Mimics web-vitals' hide behaviour: a capture listener on window that reports the final CLS and INP
 * synchronously when the page becomes hidden (see web-vitals lib/getVisibilityWatcher.js).
 */
export function makeWebVitalsMock() {
  let listening = false;
  const register = (name: string) => (cb: (report: VitalReport) => void) => {
    vitalCallbacks.set(name, cb);
    // `extra.name` may rename a report (FID): it goes to the subscriber it was emitted under.
    for (const item of buffered.filter((b) => b.as === name)) {
      buffered.splice(buffered.indexOf(item), 1);
      cb(item.report);
    }
    if (!listening) {
      listening = true;
      addEventListener(
        'visibilitychange',
        () => {
          if (document.visibilityState !== 'hidden') return;
          vitalCallbacks.get('CLS')?.({ name: 'CLS', value: 0.42, rating: 'poor', id: 'v5-CLS-final' });
          vitalCallbacks.get('INP')?.({
            name: 'INP',
            value: 480,
            rating: 'needs-improvement',
            id: 'v5-INP-final',
          });
        },
        true,
      );
    }
  };
  return {
    onLCP: register('LCP'),
    onINP: register('INP'),
    onCLS: register('CLS'),
    onFCP: register('FCP'),
    onTTFB: register('TTFB'),
  };
}
