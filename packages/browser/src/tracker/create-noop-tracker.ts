import type { ConsentState, Tracker, TrackerStats } from '../types';

function emptyStats(): TrackerStats {
  return { sent: 0, dropped: { queue_full: 0, too_large: 0, rejected: 0, consent: 0, sampled_out: 0 } };
}

function noConsent(): ConsentState {
  return { errors: false, performance: false, analytics: false, replay: false };
}

/**
 * A tracker that does nothing, typed as the full API so a missing method is a compile error. It is the value
 * before initialisation, under SSR and after a bad configuration, so callers never need null checks.
 * @example
 * const tracker = typeof window === 'undefined' ? createNoopTracker() : createTracker(config);
 */
export function createNoopTracker(): Tracker {
  return {
    isNoop: true,
    trackPageView() {},
    trackEvent() {},
    trackError: () => Promise.resolve(undefined),
    setConsent() {},
    getConsent: noConsent,
    getSessionId: () => '',
    getReplayUrl: () => undefined,
    getStats: emptyStats,
    flush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
