import type { Tracker } from '@usermetrics/browser';
import { createCallQueue, createNoopTracker } from '@usermetrics/browser';

/** A stable Tracker facade owned by one <TrackingProvider>; the real tracker behind it comes and goes. */
export interface TrackerHandle extends Tracker {
  /** Makes sure a live tracker exists (creating it with `create` if needed). Returns true if it created one. */
  acquire(create: () => Tracker): boolean;
  /** Shuts the tracker down, unless `acquire` is called again first in the same task (StrictMode, HMR). */
  release(): void;
}

// Methods that wait for the tracker (calls children make in their mount effects) and ones that read the current one.
const QUEUED = ['trackPageView', 'trackEvent', 'setConsent'] as const;
const FORWARDED = ['getConsent', 'getSessionId', 'getReplayUrl', 'getStats', 'flush', 'shutdown'] as const;

export function createTrackerHandle(): TrackerHandle {
  const noop = createNoopTracker();
  // undefined: not started yet, calls wait. `noop`: the owner is gone for good, calls settle on the no-op instead
  // of waiting for a tracker that never comes.
  let live: Tracker | undefined;
  // Children's passive effects run before their provider's, so the first page view or a first-render error
  // would reach a tracker that does not exist yet. Calls made before then wait in the browser package's
  // bounded call queue (the same one its tracker uses before its runtime loads) and are replayed.
  const pending = createCallQueue<Tracker>();
  let generation = 0;

  const current = (): Tracker => live ?? noop;
  const enqueue = (call: (tracker: Tracker) => void): boolean => {
    if (!live) return pending.push(call);
    call(live);
    return true;
  };

  const handle = {
    get isNoop() {
      return current().isNoop;
    },
    trackError: (error, context) =>
      new Promise((resolve) => {
        const queued = enqueue((t) => t.trackError(error, context).then(resolve, () => resolve(undefined)));
        if (!queued) resolve(undefined);
      }),
    acquire(create) {
      generation++;
      if (live && live !== noop) return false;
      live = create();
      // Only calls made before the first acquire wait: from then on `live` is set and calls go straight to it.
      // A faulty call does not drop the ones queued after it (the queue's drain guards each).
      pending.drain(live);
      return true;
    },
    release() {
      const mine = ++generation;
      queueMicrotask(() => {
        if (mine !== generation || !live || live === noop) return;
        const tracker = live;
        live = noop;
        void tracker.shutdown();
      });
    },
  } as TrackerHandle;
  // Generated instead of written out one by one: the same few bytes for every method (size budget).
  for (const name of QUEUED) {
    // Two parameters, the most any of them takes, passed on as given (`undefined` included).
    handle[name] = (a?: unknown, b?: unknown) =>
      void enqueue((t) => (t[name] as (a: unknown, b: unknown) => void)(a, b));
  }
  for (const name of FORWARDED) {
    handle[name] = (() => current()[name]()) as never;
  }
  return handle;
}
