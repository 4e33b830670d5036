import type { ConsentState, Tracker, TrackerStats } from '../types';

/** Stats with nothing sent or dropped. */
export function emptyStats(): TrackerStats {
  return {
    sent: 0,
    dropped: { queue_full: 0, too_large: 0, rejected: 0, consent: 0, sampled_out: 0, blocked: 0 },
  };
}

/** Every category off. */
export function noConsent(): ConsentState {
  return { errors: false, performance: false, analytics: false, replay: false };
}

const resolved = (): Promise<undefined> => Promise.resolve(undefined);

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
    trackError: resolved,
    setConsent() {},
    getConsent: noConsent,
    getSessionId: () => '',
    getReplayUrl() {
      return undefined;
    },
    getStats: emptyStats,
    flush: resolved,
    shutdown: resolved,
  };
}
