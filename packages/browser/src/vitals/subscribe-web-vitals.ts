import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import type { VitalReport } from './to-web-vital-metric';

/**
 * Subscribes to LCP, INP, CLS, FCP and TTFB (never FID: web-vitals ≥ 5 removed it and the server rejects it
 * as obsolete) in two groups, a start-up task each: `0` LCP, INP, CLS (observed from now on), `1` FCP and
 * TTFB (measured once, during load). Each call runs web-vitals' own code for the first time and reports what
 * its buffered observers saw; all five in one task were a long task on a slow phone (BENCHMARKS.md).
 * web-vitals offers no unsubscribe, so callers must ignore reports after shutdown.
 *
 * These calls also register web-vitals' own `visibilitychange` listener on `window` in the capture phase;
 * on hide it reports the final CLS and INP synchronously. See `createTracker` for how our flush runs after it.
 */
export function subscribeWebVitals(onReport: (report: VitalReport) => void, group: 0 | 1): void {
  for (const on of group === 0 ? [onLCP, onINP, onCLS] : [onFCP, onTTFB]) on(onReport);
}
