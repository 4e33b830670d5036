import type { TrackErrorContext, Tracker } from '@usermetrics/browser';
import { createNoopTracker } from '@usermetrics/browser';
import { useContext, useMemo } from 'react';
import { NO_PROVIDER, warnOnce } from '../internal/dev-warning';
import type { TrackingApi } from '../types';
import { TrackingContext } from './tracking-context';

let fallback: Tracker | undefined;

/** The tracker from the nearest provider, or a shared no-op (with one development warning) without one. */
export function useTracker(): { tracker: Tracker; epoch: number } {
  const value = useContext(TrackingContext);
  if (value) return value;
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') warnOnce(NO_PROVIDER);
  fallback ??= createNoopTracker();
  return { tracker: fallback, epoch: -1 };
}

type SafeMethod = 'trackEvent' | 'trackPageView' | 'setConsent' | 'getReplayUrl' | 'getSessionId';

/**
 * `tracker[name]` that never throws into a component, even with a hand-written `tracker` prop: a throwing
 * method gives undefined. One generic wrapper instead of one per method keeps the bundle small.
 */
function safe<K extends SafeMethod>(
  tracker: Tracker,
  name: K,
): (...args: Parameters<Tracker[K]>) => ReturnType<Tracker[K]> | undefined {
  return (...args) => {
    try {
      return (tracker[name] as (...a: typeof args) => ReturnType<Tracker[K]>)(...args);
    } catch {
      return undefined;
    }
  };
}

// One set of functions per tracker, shared by every component: stable identities (effects that list them do
// not re-run when the tracker starts) and nothing allocated per component.
const functionsCache = new WeakMap<Tracker, Omit<TrackingApi, 'sessionId'>>();

/** The never-throwing functions of `tracker`, created once per tracker (stable identities). */
export function functionsFor(tracker: Tracker): Omit<TrackingApi, 'sessionId'> {
  let functions = functionsCache.get(tracker);
  if (!functions) {
    functions = {
      trackEvent: safe(tracker, 'trackEvent'),
      trackPageView: safe(tracker, 'trackPageView'),
      // Called from a `then` so a throwing tracker becomes `undefined`, like a rejected report.
      trackError: (error: unknown, context?: TrackErrorContext) =>
        Promise.resolve()
          .then(() => tracker.trackError(error, context))
          .catch(() => undefined),
      setConsent: safe(tracker, 'setConsent'),
      getReplayUrl: safe(tracker, 'getReplayUrl'),
      tracker,
    };
    functionsCache.set(tracker, functions);
  }
  return functions;
}

/**
 * Tracking functions for components. Outside a {@link TrackingProvider} it returns working no-ops and warns
 * once in development.
 *
 * @example
 * const { trackEvent } = useTracking();
 * <button onClick={() => trackEvent('signup_clicked', { plan: 'pro' })}>Sign up</button>
 */
export function useTracking(): TrackingApi {
  const { tracker, epoch } = useTracker();
  const functions = functionsFor(tracker);
  // `epoch` changes when the tracker behind a provider starts, so `sessionId` is read again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is a deliberate re-read trigger
  return useMemo<TrackingApi>(
    () => ({ ...functions, sessionId: safe(tracker, 'getSessionId')() ?? '' }),
    [functions, tracker, epoch],
  );
}
