import type { ConsentState, Tracker } from '@usermetrics/browser';
import { createNoopTracker } from '@usermetrics/browser';

// Children's passive effects run before their provider's, so the first page view or a first-render error
// would reach a tracker that does not exist yet. Calls made before then wait here (bounded) and are replayed.
const MAX_PENDING = 100;

/** A stable Tracker facade owned by one <TrackingProvider>; the real tracker behind it comes and goes. */
export interface TrackerHandle extends Tracker {
  /** Makes sure a live tracker exists (creating it with `create` if needed). Returns true if it created one. */
  acquire(create: () => Tracker): boolean;
  /** Shuts the tracker down, unless `acquire` is called again first in the same task (StrictMode, HMR). */
  release(): void;
}

export function createTrackerHandle(): TrackerHandle {
  const noop = createNoopTracker();
  let live: Tracker | undefined;
  let pending: Array<(tracker: Tracker) => void> = [];
  let generation = 0;
  // After the owner is gone for good, calls settle on the no-op instead of waiting for a tracker that never comes.
  let closed = false;

  const current = (): Tracker => live ?? noop;
  const enqueue = (call: (tracker: Tracker) => void): boolean => {
    if (live || closed) {
      call(current());
      return true;
    }
    if (pending.length >= MAX_PENDING) return false;
    pending.push(call);
    return true;
  };
  const drain = (tracker: Tracker): void => {
    const calls = pending;
    pending = [];
    for (const call of calls) {
      try {
        call(tracker);
      } catch {
        // A Tracker never throws by contract; one faulty call must not drop the calls queued after it.
      }
    }
  };

  return {
    get isNoop() {
      return current().isNoop;
    },
    trackPageView: (url, options) => void enqueue((t) => t.trackPageView(url, options)),
    trackEvent: (name, data) => void enqueue((t) => t.trackEvent(name, data)),
    trackError: (error, context) =>
      new Promise((resolve) => {
        const queued = enqueue((t) => t.trackError(error, context).then(resolve, () => resolve(undefined)));
        if (!queued) resolve(undefined);
      }),
    setConsent: (consent) => void enqueue((t) => t.setConsent(consent)),
    getConsent: (): ConsentState => current().getConsent(),
    getSessionId: () => current().getSessionId(),
    getReplayUrl: () => current().getReplayUrl(),
    getStats: () => current().getStats(),
    flush: () => current().flush(),
    shutdown: () => current().shutdown(),
    acquire(create) {
      generation++;
      closed = false;
      if (live) return false;
      live = create();
      drain(live);
      return true;
    },
    release() {
      const mine = ++generation;
      queueMicrotask(() => {
        if (mine !== generation || !live) return;
        const tracker = live;
        live = undefined;
        closed = true;
        // Whatever was waiting will never see a live tracker from this owner: settle it on the no-op.
        drain(noop);
        void tracker.shutdown();
      });
    },
  };
}
