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
  warnOnce(NO_PROVIDER);
  fallback ??= createNoopTracker();
  return { tracker: fallback, epoch: -1 };
}

/** Calls into the tracker never throw into a component, even with a hand-written `tracker` prop. */
function guard<A extends unknown[], R>(fn: (...args: A) => R, otherwise: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch {
      return otherwise;
    }
  };
}

// One set of functions per tracker, shared by every component: stable identities (effects that list them do
// not re-run when the tracker starts) and nothing allocated per component.
const functionsCache = new WeakMap<Tracker, Omit<TrackingApi, 'sessionId'>>();

function functionsFor(tracker: Tracker): Omit<TrackingApi, 'sessionId'> {
  let functions = functionsCache.get(tracker);
  if (!functions) {
    functions = {
      trackEvent: guard<Parameters<TrackingApi['trackEvent']>, void>(
        (name, data) => tracker.trackEvent(name, data),
        undefined,
      ),
      trackPageView: guard<Parameters<TrackingApi['trackPageView']>, void>(
        (url, options) => tracker.trackPageView(url, options),
        undefined,
      ),
      // Called from a `then` so a throwing tracker becomes `undefined`, like a rejected report.
      trackError: (error: unknown, context?: TrackErrorContext) =>
        Promise.resolve()
          .then(() => tracker.trackError(error, context))
          .catch(() => undefined),
      setConsent: guard<Parameters<TrackingApi['setConsent']>, void>(
        (consent) => tracker.setConsent(consent),
        undefined,
      ),
      getReplayUrl: guard(() => tracker.getReplayUrl(), undefined),
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
    () => ({ ...functions, sessionId: guard(() => tracker.getSessionId(), '')() }),
    [functions, tracker, epoch],
  );
}
