import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import type { VitalReport } from './to-web-vital-metric';

/**
 * Subscribes to LCP, INP, CLS, FCP and TTFB (never FID: web-vitals ≥ 5 removed it and the server rejects it
 * as obsolete). web-vitals offers no unsubscribe, so callers must ignore reports after shutdown.
 *
 * These calls also register web-vitals' own `visibilitychange` listener on `window` in the capture phase;
 * on hide it reports the final CLS and INP synchronously. See `createTracker` for how our flush runs after it.
 */
export function subscribeWebVitals(onReport: (report: VitalReport) => void): void {
  onLCP(onReport);
  onINP(onReport);
  onCLS(onReport);
  onFCP(onReport);
  onTTFB(onReport);
}
