import type { VitalReport } from '../src/vitals/to-web-vital-metric';

/** Callbacks the mocked web-vitals module received, by metric name. */
export const vitalCallbacks = new Map<string, (report: VitalReport) => void>();

/** Emits a report as web-vitals would. */
export function emitVital(name: string, value: number, extra: Partial<VitalReport> = {}): void {
  const cb = vitalCallbacks.get(name);
  if (!cb) throw new Error(`no ${name} subscriber`);
  cb({ name, value, rating: 'good', id: `v5-${name}-1`, navigationType: 'navigate', ...extra });
}

/**
 * Mimics web-vitals' hide behaviour: a capture listener on window that reports the final CLS and INP
 * synchronously when the page becomes hidden (see web-vitals lib/getVisibilityWatcher.js).
 */
export function makeWebVitalsMock() {
  let listening = false;
  const register = (name: string) => (cb: (report: VitalReport) => void) => {
    vitalCallbacks.set(name, cb);
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
