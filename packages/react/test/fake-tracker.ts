import type { ConsentState, Tracker } from '@usermetrics/browser';

/** One recorded call on a {@link FakeTracker}. */
export interface Call {
  method: string;
  args: unknown[];
}

/** A Tracker that records every call; `trackError` resolves with `errorIds()` (or what a test sets). */
export interface FakeTracker extends Tracker {
  calls: Call[];
  callsOf(method: string): unknown[][];
  /** Listeners this tracker holds on window, like a real one would; shutdown removes them. */
  liveListeners(): number;
  shutdownCount: number;
  nextErrorId: () => Promise<string | undefined>;
  sessionId: string;
  replayUrl: string | undefined;
}

let created = 0;

/** A fake tracker implementing the whole interface; `attachToWindow` makes it hold a real window listener. */
export function createFakeTracker(options: { attachToWindow?: boolean } = {}): FakeTracker {
  const id = ++created;
  const calls: Call[] = [];
  const listener = (): void => {};
  let attached = false;
  if (options.attachToWindow && typeof window !== 'undefined') {
    window.addEventListener('pagehide', listener);
    attached = true;
  }
  let consent: ConsentState = { errors: true, performance: true, analytics: true, replay: false };
  const record = (method: string, args: unknown[]): void => {
    calls.push({ method, args });
  };
  const fake: FakeTracker = {
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    liveListeners: () => (attached ? 1 : 0),
    shutdownCount: 0,
    nextErrorId: () => Promise.resolve(`error-${id}-${calls.length}`),
    sessionId: `session-${id}`,
    replayUrl: undefined,
    isNoop: false,
    trackPageView: (...args) => record('trackPageView', args),
    trackEvent: (...args) => record('trackEvent', args),
    trackError: (...args) => {
      record('trackError', args);
      return fake.nextErrorId();
    },
    setConsent: (...args) => {
      record('setConsent', args);
      consent = { ...consent, ...args[0] };
    },
    getConsent: () => consent,
    getSessionId: () => fake.sessionId,
    getReplayUrl: () => fake.replayUrl,
    getStats: () => ({
      sent: 0,
      dropped: { queue_full: 0, too_large: 0, rejected: 0, consent: 0, sampled_out: 0, blocked: 0 },
    }),
    flush: () => Promise.resolve(),
    shutdown: () => {
      record('shutdown', []);
      fake.shutdownCount++;
      if (attached) window.removeEventListener('pagehide', listener);
      attached = false;
      return Promise.resolve();
    },
  };
  return fake;
}

/** A promise with its resolve function, to control when a report "arrives". */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
