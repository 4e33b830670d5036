import { createConsent } from '../consent/create-consent';
import { installGlobalHandlers } from '../errors/install-global-handlers';
import { afterLoadIdle } from '../internal/after-load-idle';
import type { BrowserEnv } from '../internal/browser-env';
import { createDebugLogger, guard } from '../internal/debug-logger';
import { nextIdle } from '../internal/next-idle';
import { createCallQueue } from '../loader/call-queue';
import { importRuntime } from '../loader/load-runtime';
import { recordNavigations } from '../loader/record-navigations';
import { createTrackerState } from '../loader/tracker-state';
import type { Runtime, RuntimeContext } from '../runtime/types';
import { createSession } from '../session/create-session';
import { propagateSessionHeader } from '../session/propagate-session-header';
import { systemClock } from '../transport/system-clock';
import type { DropReason, Tracker } from '../types';
import { emptyStats } from './create-noop-tracker';
import type { TrackerDeps } from './create-tracker';
import type { ResolvedConfig } from './resolve-config';

/** Late start used by the reference helper `setupGlobalErrorHandlers`. */
export interface TrackerControls {
  installGlobalHandlers(): void;
}
/** Controls of live trackers, keyed by the tracker (no extra public surface). */
export const trackerControls = new WeakMap<Tracker, TrackerControls>();

/**
 * The loader: what runs before the load event. It is the public API as a facade over one bounded queue
 * (`createCallQueue`), the consent store, the session id (storage is read lazily), and listeners that only
 * record (`error`/`unhandledrejection`, client-side navigations). The runtime chunk (`runtime/start-runtime.ts`:
 * transport, redaction, errors, web vitals, Umami, replay) is imported when the browser is idle after load,
 * or at once by `flush()`/`shutdown()` or by a page hidden with calls queued, and takes the queue over. Its
 * life is one value (`loader/tracker-state.ts`).
 */
/**
 * The window's running tracker. A module re-run by HMR (Vite, React Fast Refresh) calls createTracker() again
 * in the same window; a second tracker would subscribe web-vitals and the global error handlers again and
 * report every vital and error twice. So while a tracker runs, createTracker() returns it; its shutdown()
 * frees the slot. `Symbol.for`, so two copies of the package on one page share it.
 */
export const RUNNING_TRACKER = Symbol.for('usermetrics');

export function startTracker(resolved: ResolvedConfig, env: BrowserEnv, deps: TrackerDeps): Tracker {
  const { config } = resolved;
  const { window: w, navigator: nav, location } = env;
  const log = createDebugLogger(config.debug === true);
  const clock = deps.clock ?? systemClock;
  const stats = emptyStats();
  const drop = (reason: DropReason, count: number): void => {
    stats.dropped[reason] += count;
  };
  const teardown: (() => void)[] = [];
  const state = createTrackerState();
  const queue = createCallQueue<Runtime | undefined>();
  let runtime: Runtime | undefined;
  let loading: Promise<void> | undefined;
  // Set by the first explicit trackPageView: the app (e.g. a router integration that knows the matched
  // route pattern) now reports page views itself, so the tracker's own ones would only be route-less
  // duplicates that shadow the app's.
  let pageViewsByApp = false;

  const consent = createConsent({
    initial: config.consent,
    replayConfigured: config.replay !== undefined,
    respectDoNotTrack: resolved.respectDoNotTrack,
    navigator: nav,
  });
  const session = createSession({
    getStorage: () => w.sessionStorage,
    now: () => clock.now(),
    onRotate: (id) => runtime?.setSessionId(id),
  });

  // Runs `fn` on the runtime, or queues it until the runtime takes over. `fn(undefined)` settles a call
  // that will never run (a trackError promise resolves with undefined).
  const call = (fn: (rt: Runtime | undefined) => void): void => {
    const now = state.get();
    if (now === 'running') {
      guard(log, 'runtime', () => fn(runtime), undefined);
      return;
    }
    if (now === 'waiting' || now === 'loading') {
      if (queue.push(fn)) return;
      drop('queue_full', 1);
    } else if (now === 'failed') drop('rejected', 1);
    guard(log, 'runtime', () => fn(undefined), undefined);
  };

  const wantsRuntime = !!(
    config.umami ||
    config.replay ||
    resolved.errors ||
    resolved.vitalsSampleRate !== undefined
  );
  const navigations =
    config.umami || resolved.vitalsSampleRate !== undefined
      ? guard(
          log,
          'history',
          () =>
            recordNavigations(w, (href) => {
              if (config.umami && !pageViewsByApp) call((rt) => rt?.navigated(href));
            }),
          undefined,
        )
      : undefined;
  if (navigations) teardown.push(navigations.stop);

  const ctx: RuntimeContext = {
    resolved,
    env,
    consent,
    session,
    log,
    clock,
    navigations: navigations ?? { hrefAt: () => location.href },
    pageViewsByApp: () => pageViewsByApp,
    makeRequest: deps.makeRequest,
    replayImporter: deps.replayImporter,
    isStopping: () => state.get() === 'stopping' || state.get() === 'stopped',
    isClosed: () => state.get() === 'stopped',
    drop,
    sent: (count) => {
      stats.sent += count;
    },
    schedule: (step) => nextIdle(w, step),
    ready: (rt) => {
      state.to('running');
      queue.drain(rt);
    },
  };

  // The chunk is fetched once: by `load`, or earlier by an error (see `urgent`).
  let chunk: ReturnType<typeof importRuntime> | undefined;
  const fetchChunk = () => (chunk ??= (deps.loadRuntime ?? importRuntime)());
  // An error does not wait for the load event to fetch the chunk (as Sentry's loader script loads its SDK on
  // the first error): if the page is then left or hidden, the runtime is already here to send the report.
  // Nothing starts early; the runtime's start-up still waits for idle time after load, or for a hide.
  const urgent = (fn: (rt: Runtime | undefined) => void): void => {
    call(fn);
    if (state.get() === 'waiting') fetchChunk().catch(() => {}); // a failed fetch is reported by load()
  };

  // `now`: a flush or shutdown needs the runtime complete, without waiting for idle time.
  const load = (now: boolean): Promise<void> => {
    if (!loading) {
      state.to('loading');
      loading = fetchChunk().then(
        (m) => {
          runtime = m.startRuntime(ctx);
        },
        (e: unknown) => {
          log.report('runtime', e);
          state.to('failed');
          // Without the chunk what was queued is lost: count it, and settle each call.
          drop('rejected', queue.size);
          queue.drain(undefined);
        },
      );
    }
    return loading.then(() => {
      if (now) runtime?.finishStart();
    });
  };

  let handlersInstalled = false;
  const installHandlers = (): void => {
    if (handlersInstalled || ctx.isStopping() || !resolved.errors) return;
    handlersInstalled = true;
    const onEvent = (event: Event) => urgent((rt) => rt?.captureGlobal(event));
    teardown.push(installGlobalHandlers({ window: w, onEvent }));
  };
  if (resolved.errors?.captureGlobal) guard(log, 'errors', installHandlers, undefined);

  const origins = config.propagateToOrigins;
  if (origins && origins.length > 0) {
    const getSessionId = () => session.getId();
    guard(
      log,
      'propagate',
      () => teardown.push(propagateSessionHeader({ window: w, origins, getSessionId, onError: log.report })),
      0,
    );
  }
  if (wantsRuntime) {
    teardown.push(afterLoadIdle(w, () => void load(false)));
    // Hidden (a tab switch, leaving, closing) with calls still queued: the page may never be idle again,
    // so load the runtime now and send them. Best-effort: an unload may end before the import does.
    const onHide = (e: Event): void => {
      if (queue.size > 0 && (e.type === 'pagehide' || w.document.visibilityState === 'hidden'))
        void tracker.flush();
    };
    for (const type of ['visibilitychange', 'pagehide']) {
      w.addEventListener(type, onHide);
      teardown.push(() => w.removeEventListener(type, onHide));
    }
  }
  teardown.push(
    consent.onChange((next, previous) =>
      guard(log, 'consent', () => runtime?.consentChanged(next, previous), undefined),
    ),
  );

  let warnedNoUmami = false;
  // trackEvent/trackPageView without Umami did nothing but a debug line Chrome hides (#17): say it once.
  const warnNoUmami = (what: string): void => {
    if (warnedNoUmami) return;
    warnedNoUmami = true;
    (deps.warn ?? console.warn)(`[usermetrics] ${what}() needs umami: { websiteId, hostUrl }`);
  };

  let shutdownPromise: Promise<void> | undefined;
  const slot = w as unknown as Record<symbol, Tracker | undefined>;
  const tracker: Tracker = {
    isNoop: false,
    trackPageView: (url, options) => {
      if (!config.umami) return warnNoUmami('trackPageView');
      if (ctx.isStopping()) return;
      pageViewsByApp = true;
      const href = url ?? location.href;
      call((rt) => rt?.pageView(href, options));
    },
    trackEvent: (name, data) =>
      config.umami ? call((rt) => rt?.event(name, data)) : warnNoUmami('trackEvent'),
    trackError: (error, context) =>
      ctx.isStopping() || !resolved.errors
        ? Promise.resolve(undefined)
        : new Promise((resolve) => urgent((rt) => resolve(rt ? rt.trackError(error, context) : undefined))),
    setConsent: (partial) => guard(log, 'consent', () => consent.set(partial ?? {}), undefined),
    // Reads four booleans: nothing that can throw.
    getConsent: consent.get,
    getSessionId: () => guard(log, 'session', () => session.getId(), ''),
    getReplayUrl: () => runtime?.getReplayUrl(),
    getStats: () => ({ sent: stats.sent, dropped: { ...stats.dropped } }),
    flush: () =>
      (async () => {
        if (!wantsRuntime || ctx.isStopping()) return;
        await load(true);
        await runtime?.flush();
      })().catch((e: unknown) => log.report('flush', e)),
    shutdown() {
      if (shutdownPromise) return shutdownPromise;
      state.to('stopping');
      if (slot[RUNNING_TRACKER] === tracker) delete slot[RUNNING_TRACKER];
      for (const undo of teardown.splice(0).reverse()) guard(log, 'shutdown', undo, undefined);
      trackerControls.delete(tracker);
      shutdownPromise = (async () => {
        // Calls queued before the runtime arrived are still sent.
        if (loading || queue.size > 0) await load(true);
        state.to('stopped');
        await runtime?.stop();
      })().catch((e: unknown) => log.report('shutdown', e));
      return shutdownPromise;
    },
  };
  trackerControls.set(tracker, { installGlobalHandlers: installHandlers });
  slot[RUNNING_TRACKER] = tracker;
  return tracker;
}
