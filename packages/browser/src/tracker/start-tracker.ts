import { STRING_LIMITS } from '@usermetrics/core';
import { createConsent } from '../consent/create-consent';
import { installGlobalHandlers } from '../errors/install-global-handlers';
import type { Features } from '../features/types';
import { afterLoadIdle } from '../internal/after-load-idle';
import type { BrowserEnv } from '../internal/browser-env';
import { createDebugLogger, guard } from '../internal/debug-logger';
import { createSession } from '../session/create-session';
import { propagateSessionHeader } from '../session/propagate-session-header';
import { createFetchRequest } from '../transport/create-fetch-request';
import { createTransport, systemClock } from '../transport/create-transport';
import type { DropReason, Tracker, TrackerStats } from '../types';
import { patchHistory } from '../umami/patch-history';
import { createVitalsPipeline } from '../vitals/create-vitals-pipeline';
import { pageUrl } from '../vitals/page-url';
import { resolveRoute } from '../vitals/resolve-route';
import { emptyStats } from './create-noop-tracker';
import type { TrackerDeps } from './create-tracker';
import { importFeatures } from './load-features';
import type { ResolvedConfig } from './resolve-config';

/** Late starts used by the reference helpers `reportWebVitals` / `setupGlobalErrorHandlers`. */
export interface TrackerControls {
  startWebVitals(): void;
  installGlobalHandlers(): void;
}
/** Controls of live trackers, keyed by the tracker (no extra public surface). */
export const trackerControls = new WeakMap<Tracker, TrackerControls>();

// Calls made before the features chunk is there; beyond this many they are dropped as queue_full.
const MAX_PENDING = 100;

/**
 * The critical path of a tracker: consent, session (lazy), transport, web vitals, and listeners that only
 * record. Everything else (error processing, Umami, replay) is in the features chunk, imported after the
 * load event in idle time — or at once when an error, event or flush needs it.
 */
export function startTracker(resolved: ResolvedConfig, env: BrowserEnv, deps: TrackerDeps): Tracker {
  const { config } = resolved;
  const { window: w, navigator: nav, location } = env;
  const log = createDebugLogger(config.debug === true);
  const clock = deps.clock ?? systemClock;
  const stats: TrackerStats = emptyStats();
  const { dropped } = stats;
  const drop = (reason: DropReason, count: number): void => {
    dropped[reason] += count;
  };
  const sent = (count: number): void => {
    stats.sent += count;
  };
  const teardown: (() => void)[] = [];
  // `stopping`: shutdown was called, new input is ignored; `closed`: buffered calls are done too.
  let stopping = false;
  let closed = false;
  const isClosed = () => closed;
  let features: Features | undefined;
  let loading: Promise<void> | undefined;
  // undefined once the chunk has started (or failed: then each call gets `undefined`).
  let pending: ((f: Features | undefined) => void)[] | undefined = [];

  const consent = createConsent({
    initial: config.consent,
    replayConfigured: config.replay !== undefined,
    respectDoNotTrack: resolved.respectDoNotTrack,
    navigator: nav,
  });
  const session = createSession({
    getStorage: () => w.sessionStorage,
    now: () => clock.now(),
    onRotate: (id) => features?.setSessionId(id),
  });
  const userAgent = (nav.userAgent ?? '').slice(0, STRING_LIMITS.userAgent);
  const beacon = typeof nav.sendBeacon === 'function' ? nav.sendBeacon.bind(nav) : undefined;
  const transport = createTransport(
    {
      clock,
      isOnline: () => nav.onLine !== false,
      // An opaque answer proves the server is there: it is refusing this page, not unreachable.
      isReachable: (url) =>
        env.fetch(url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
          () => true,
          () => false,
        ),
      onBlocked: (origin) =>
        log.log(`${origin} refuses this page: blocked by CORS? check allowedOrigins. Dropping until reload`),
    },
    deps.makeRequest ?? createFetchRequest({ fetch: env.fetch, sendBeacon: beacon }),
  );

  const vitals = createVitalsPipeline({
    endpoint: resolved.endpoint,
    window: w,
    transport,
    consent,
    session,
    clock,
    log,
    sampleRate: resolved.vitalsSampleRate ?? 0,
    maxQueueBytes: resolved.maxQueueBytes,
    flushIntervalMs: resolved.flushIntervalMs,
    userAgent,
    href: () => location.href,
    // location.href always parses; a user route function that throws is handled by resolveRoute.
    page: (href) => ({ url: pageUrl(href), route: resolveRoute(config.routes, new URL(href)) }),
    isClosed: () => stopping,
    onDrop: drop,
    onSent: sent,
  });

  // After load the work comes in separate idle tasks (session storage, vitals, import and start, first
  // page view), so that none is a long task; `lazy` marks that path. Anything that needs the features now
  // calls load(), which ends the wait.
  let startNow: (() => void) | undefined;
  const load = (lazy?: boolean): Promise<void> => {
    startNow?.();
    loading ??= (deps.loadFeatures ?? importFeatures)()
      .then((m) => {
        if (closed) return;
        features = m.startFeatures({
          resolved,
          env,
          transport,
          consent,
          session,
          log,
          userAgent,
          initialHref,
          pageViewsByApp: () => pageViewsByApp,
          replayImporter: deps.replayImporter,
          isClosed,
          drop,
          sent,
        });
        // The first page view (the first run of redaction, the first request) is the heaviest step.
        if (lazy) {
          return new Promise<void>((resolve) => {
            startNow = resolve;
            teardown.push(afterLoadIdle(w, resolve));
          });
        }
      })
      .then(() => features?.begin())
      .catch((e: unknown) => log.report('features', e))
      .then(() => {
        const calls = pending ?? [];
        pending = undefined;
        // Without the chunk (it failed to load) what was buffered is lost: count it.
        if (!features) drop('rejected', calls.length);
        for (const call of calls) run(call);
      });
    return loading;
  };
  const run = (call: (f: Features | undefined) => void): void =>
    guard(log, 'features', () => call(features), undefined);
  // Runs `call` on the features now, or once they are loaded (loading them at once when `now`).
  const withFeatures = (call: (f: Features | undefined) => void, now: boolean): void => {
    if (stopping) return;
    if (!pending) run(call);
    else if (pending.length < MAX_PENDING) pending.push(call);
    else {
      drop('queue_full', 1);
      run(call); // features is still undefined here
    }
    if (now) void load();
  };
  const initialHref = location.href;
  // Set by the first explicit trackPageView: the app (e.g. a router integration that knows the matched
  // route pattern) now reports page views itself, so the tracker's own ones — the first view and the
  // history hook's — would only be route-less duplicates that shadow the app's (Umami's
  // `data-auto-track="false"`, decided by use instead of by a flag).
  let pageViewsByApp = false;
  let warnedNoUmami = false;
  // trackEvent/trackPageView without Umami did nothing but a debug line Chrome hides (#17): say it once.
  const warnNoUmami = (what: string): void => {
    if (warnedNoUmami) return;
    warnedNoUmami = true;
    (deps.warn ?? console.warn)(`[usermetrics] ${what}() does nothing without umami: { websiteId, hostUrl }`);
  };

  // --- web vitals, error listeners, history hooks: record only -------------------------------------
  let vitalsStarted = false;
  const startWebVitals = (): void => {
    if (vitalsStarted || stopping || resolved.vitalsSampleRate === undefined) return;
    vitalsStarted = true;
    teardown.push(vitals.start());
  };
  let handlersInstalled = false;
  const installHandlers = (): void => {
    if (handlersInstalled || stopping || !resolved.errors) return;
    handlersInstalled = true;
    teardown.push(
      installGlobalHandlers({
        window: w,
        onEvent: (event) => withFeatures((f) => f?.captureGlobal(event), true),
      }),
    );
  };

  guard(log, 'webVitals', startWebVitals, undefined);
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
  if (config.umami) {
    // replaceState is often used for state-only updates: only a changed path or query is a page view.
    let lastPath = location.pathname + location.search;
    const onNavigate = (): void => {
      const path = location.pathname + location.search;
      if (path === lastPath || stopping || pageViewsByApp) return;
      lastPath = path;
      const href = location.href;
      withFeatures((f) => f?.navigated(href), false);
    };
    guard(log, 'history', () => teardown.push(patchHistory(w, onNavigate)), 0);
  }
  const wantsFeatures = !!(config.umami || config.replay || resolved.errors);
  teardown.push(
    afterLoadIdle(w, () => {
      // Opening sessionStorage is synchronous and slow the first time: a task of its own.
      guard(log, 'session', session.touch, undefined);
      teardown.push(
        afterLoadIdle(w, () => {
          vitals.activate();
          if (wantsFeatures && !stopping) teardown.push(afterLoadIdle(w, () => void load(true)));
        }),
      );
    }),
  );

  teardown.push(
    consent.onChange((next, previous) =>
      guard(
        log,
        'consent',
        () => {
          if (previous.performance && !next.performance) vitals.clear('consent');
          // Not loaded yet: the features read the consent in effect when they start.
          features?.consentChanged(next, previous);
        },
        undefined,
      ),
    ),
  );

  const flush = async (): Promise<void> => {
    // The features hold what is buffered and, until they start, the first page view: flushing loads them.
    if (wantsFeatures) await load();
    await vitals.flush();
    await transport.drain();
  };
  let shutdownPromise: Promise<void> | undefined;
  const tracker: Tracker = {
    isNoop: false,
    trackPageView: (url, options) => {
      if (!config.umami) return warnNoUmami('trackPageView');
      pageViewsByApp = true;
      const href = url ?? location.href;
      withFeatures((f) => f?.pageView(href, options), false);
    },
    trackEvent: (name, data) =>
      config.umami ? withFeatures((f) => f?.event(name, data), true) : warnNoUmami('trackEvent'),
    trackError: (error, context) =>
      stopping || !resolved.errors
        ? Promise.resolve(undefined)
        : new Promise((resolve) =>
            withFeatures((f) => resolve(f ? f.trackError(error, context) : undefined), true),
          ),
    setConsent: (partial) => guard(log, 'consent', () => consent.set(partial ?? {}), undefined),
    // Reads four booleans: nothing that can throw.
    getConsent: consent.get,
    getSessionId: () => guard(log, 'session', () => session.getId(), ''),
    getReplayUrl: () => features?.getReplayUrl(),
    getStats: () => ({ sent: stats.sent, dropped: { ...dropped } }),
    flush: () => flush().catch((e: unknown) => log.report('flush', e)),
    shutdown() {
      if (shutdownPromise) return shutdownPromise;
      stopping = true;
      for (const undo of teardown.splice(0).reverse()) guard(log, 'shutdown', undo, undefined);
      trackerControls.delete(tracker);
      shutdownPromise = (async () => {
        // Calls buffered before the features chunk arrived are still sent.
        if (pending?.length) await load();
        closed = true;
        guard(log, 'shutdown', () => features?.stop(), undefined);
        vitals.stop();
        const queued = vitals.flush();
        transport.close();
        await queued;
        await transport.drain();
      })().catch((e: unknown) => log.report('shutdown', e));
      return shutdownPromise;
    },
  };
  trackerControls.set(tracker, { startWebVitals, installGlobalHandlers: installHandlers });
  return tracker;
}
