import { isSampled, STRING_LIMITS, sanitizeUrl } from '@usermetrics/core';
import { createConsent } from '../consent/create-consent';
import { createErrorCapture } from '../errors/create-error-capture';
import type { BrowserEnv } from '../internal/browser-env';
import { createDebugLogger, guard } from '../internal/debug-logger';
import { createReplay, type ReplayController } from '../replay/create-replay';
import { createSession } from '../session/create-session';
import { propagateSessionHeader } from '../session/propagate-session-header';
import { createFetchRequest } from '../transport/create-fetch-request';
import { createTransport, systemClock } from '../transport/create-transport';
import type { ConsentState, DropReason, Tracker, TrackerStats } from '../types';
import { createUmamiClient, type UmamiClient } from '../umami/create-umami';
import { patchHistory } from '../umami/patch-history';
import { createVitalsPipeline } from '../vitals/create-vitals-pipeline';
import { resolveRoute } from '../vitals/resolve-route';
import type { TrackerDeps } from './create-tracker';
import type { ResolvedConfig } from './resolve-config';

/** Late starts used by the reference helpers `reportWebVitals` / `setupGlobalErrorHandlers`. */
export interface TrackerControls {
  startWebVitals(): void;
  installGlobalHandlers(): void;
}
/** Controls of live trackers, keyed by the tracker (no extra public surface). */
export const trackerControls = new WeakMap<Tracker, TrackerControls>();

/** Wires every feature of a tracker onto a real (or injected) browser environment. */
export function startTracker(resolved: ResolvedConfig, env: BrowserEnv, deps: TrackerDeps): Tracker {
  const { config } = resolved;
  const { window: w, document: doc, navigator: nav } = env;
  const log = createDebugLogger(config.debug === true);
  const clock = deps.clock ?? systemClock;
  const stats: TrackerStats = {
    sent: 0,
    dropped: { queue_full: 0, too_large: 0, rejected: 0, consent: 0, sampled_out: 0 },
  };
  const drop = (reason: DropReason, count: number): void => {
    stats.dropped[reason] += count;
  };
  const sent = (count: number): void => {
    stats.sent += count;
  };
  const teardown: (() => void)[] = [];
  let closed = false;
  let replay: ReplayController | undefined;

  const consent = createConsent({
    initial: config.consent,
    replayConfigured: config.replay !== undefined,
    respectDoNotTrack: resolved.respectDoNotTrack,
    navigator: nav,
  });
  const session = createSession({
    getStorage: () => w.sessionStorage,
    now: () => clock.now(),
    onRotate: (id) => replay?.setSessionId(id),
  });
  const userAgent = (nav.userAgent ?? '').slice(0, STRING_LIMITS.userAgent);
  const page = () => {
    const href = env.location.href;
    let route = 'other';
    try {
      route = resolveRoute(config.routes, new URL(href));
    } catch {
      // keep 'other'
    }
    return { url: sanitizeUrl(href, { maxLength: STRING_LIMITS.url }), route, userAgent };
  };

  const beacon = typeof nav.sendBeacon === 'function' ? nav.sendBeacon.bind(nav) : undefined;
  const transport = createTransport(
    { clock },
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
    page,
    isClosed: () => closed,
    onDrop: drop,
    onSent: sent,
  });

  const errors = createErrorCapture({
    url: `${resolved.endpoint}/errors/report`,
    transport,
    maxPerSession: resolved.errors?.maxPerSession ?? 0,
    isAllowed: () => consent.allows('errors'),
    getSessionId: () => session.getId(),
    page,
    getReplayUrl: () => replay?.getUrl(),
    release: config.release,
    onDrop: drop,
    onSent: sent,
    window: w,
    log,
    enabled: resolved.errors !== undefined,
    isClosed: () => closed,
    ownUrls: [resolved.endpoint, config.umami?.hostUrl, config.replay?.ingestPoint].filter(
      (u): u is string => typeof u === 'string',
    ),
  });
  const trackError = errors.trackError;

  let umami: UmamiClient | undefined;
  if (config.umami) {
    umami = createUmamiClient({
      options: config.umami,
      window: w,
      transport,
      isAllowed: () => consent.allows('analytics'),
      getSessionId: () => session.getId(),
      onDrop: drop,
      onSent: sent,
      log: log.log,
    });
  }

  // --- features -------------------------------------------------------------------------------------
  let vitalsStarted = false;
  const startWebVitals = (): void => {
    if (vitalsStarted || closed || resolved.vitalsSampleRate === undefined) return;
    vitalsStarted = true;
    teardown.push(vitals.start());
  };

  const installHandlers = (): void => {
    const remove = errors.installGlobalHandlers();
    if (remove) teardown.push(remove);
  };

  const maybeStartReplay = (): void => {
    if (!replay || !consent.allows('replay')) return;
    if (!isSampled(session.getId(), resolved.replaySampleRate)) {
      log.log('replay sampled out');
      return;
    }
    replay.start();
  };

  // Client-side navigations: replaceState is often used for state-only updates, so only a changed
  // path or query counts as a new page view.
  let lastPath = env.location.pathname + env.location.search;
  function pageViewOnChange(client: UmamiClient): void {
    const path = env.location.pathname + env.location.search;
    if (path === lastPath || closed) return;
    lastPath = path;
    if (consent.allows('analytics')) client.pageView();
    else drop('consent', 1);
  }

  // Each feature starts on its own: one failing (a read-only fetch, a broken history) leaves the rest on.
  guard(log, 'start.webVitals', startWebVitals, undefined);
  if (resolved.errors?.captureGlobal) guard(log, 'start.errors', installHandlers, undefined);
  const origins = config.propagateToOrigins;
  if (origins && origins.length > 0) {
    const getSessionId = () => session.getId();
    guard(
      log,
      'start.propagate',
      () => teardown.push(propagateSessionHeader({ window: w, origins, getSessionId, onError: log.report })),
      0,
    );
  }
  if (umami) {
    const client = umami;
    guard(log, 'start.umami', () => teardown.push(patchHistory(w, () => pageViewOnChange(client))), 0);
    // The first page view waits for the DOM so document.title is known.
    const firstView = (): void => {
      if (!closed && consent.allows('analytics') && !client.hasPageView()) client.pageView();
    };
    if (doc.readyState !== 'loading') guard(log, 'start.pageView', firstView, undefined);
    else {
      const onReady = (): void => guard(log, 'start.pageView', firstView, undefined);
      doc.addEventListener('DOMContentLoaded', onReady, { once: true });
      teardown.push(() => doc.removeEventListener('DOMContentLoaded', onReady));
    }
  }
  if (config.replay) {
    const options = config.replay;
    const start = (): void => {
      replay = createReplay({
        options,
        window: w,
        getSessionId: () => session.getId(),
        importer: deps.replayImporter,
        log: log.log,
      });
      teardown.push(() => replay?.stop());
      maybeStartReplay();
    };
    guard(log, 'start.replay', start, undefined);
  }

  teardown.push(
    consent.onChange((next: ConsentState, previous: ConsentState) =>
      guard(
        log,
        'consent',
        () => {
          if (previous.performance && !next.performance) vitals.clear('consent');
          if (previous.replay && !next.replay) replay?.stop();
          if (!previous.replay && next.replay) maybeStartReplay();
          if (!previous.analytics && next.analytics && umami && !umami.hasPageView()) umami.pageView();
        },
        undefined,
      ),
    ),
  );

  let shutdownPromise: Promise<void> | undefined;
  const tracker: Tracker = {
    isNoop: false,
    trackPageView: (url, options) =>
      guard(
        log,
        'trackPageView',
        () => {
          if (closed) return;
          if (!umami) {
            log.log('trackPageView: umami is not configured');
            return;
          }
          umami.pageView(url, options);
        },
        undefined,
      ),
    trackEvent: (name, data) =>
      guard(
        log,
        'trackEvent',
        () => {
          if (closed) return;
          if (!umami) {
            log.log('trackEvent: umami is not configured');
            return;
          }
          umami.event(name, data);
        },
        undefined,
      ),
    trackError,
    setConsent: (partial) => guard(log, 'setConsent', () => consent.set(partial ?? {}), undefined),
    getConsent: () =>
      guard(log, 'getConsent', () => consent.get(), {
        errors: false,
        performance: false,
        analytics: false,
        replay: false,
      }),
    getSessionId: () => guard(log, 'getSessionId', () => session.getId(), ''),
    getReplayUrl: () => guard(log, 'getReplayUrl', () => replay?.getUrl(), undefined),
    getStats: () => ({ sent: stats.sent, dropped: { ...stats.dropped } }),
    flush: () =>
      (async () => {
        await vitals.flush();
        await transport.drain();
      })().catch((e: unknown) => log.report('flush', e)),
    shutdown() {
      if (shutdownPromise) return shutdownPromise;
      closed = true;
      for (const undo of teardown.splice(0).reverse()) guard(log, 'shutdown', undo, undefined);
      vitals.stop();
      trackerControls.delete(tracker);
      shutdownPromise = (async () => {
        const pending = vitals.flush();
        transport.close();
        await pending;
        await transport.drain();
      })().catch((e: unknown) => log.report('shutdown', e));
      return shutdownPromise;
    },
  };
  trackerControls.set(tracker, { startWebVitals, installGlobalHandlers: installHandlers });
  log.log(`tracker started (environment: ${resolved.environment})`);
  return tracker;
}
