import { isSampled, STRING_LIMITS, sanitizeUrl } from '@usermetrics/core';
import { createErrorCapture } from '../errors/create-error-capture';
import { guard } from '../internal/debug-logger';
import { createReplay, type ReplayController } from '../replay/create-replay';
import { rulesProblem } from '../replay/sanitization-rules';
import { createUmamiClient, type UmamiClient, umamiSendUrl } from '../umami/create-umami';
import { resolveRoute } from '../vitals/resolve-route';
import type { Features, FeaturesContext } from './types';

/**
 * The lazily imported half of the tracker: error processing (fingerprint, dedupe, full redaction), Umami
 * sending and the replay loader. The critical path imports this chunk after the load event in idle time,
 * or at once when an error or event needs it, and replays what it buffered meanwhile.
 */
export function startFeatures(ctx: FeaturesContext): Features {
  const { resolved, env, consent, session, log } = ctx;
  const { config } = resolved;
  const w = env.window;
  const doc = env.document;
  const cleanup: (() => void)[] = [];
  let replay: ReplayController | undefined;
  const errorsUrl = `${resolved.endpoint}/errors/report`;

  const errors = createErrorCapture({
    url: errorsUrl,
    transport: ctx.transport,
    maxPerSession: resolved.errors?.maxPerSession ?? 0,
    isAllowed: () => consent.allows('errors'),
    getSessionId: () => session.getId(),
    page: () => {
      const href = env.location.href;
      let route = 'other';
      try {
        route = resolveRoute(config.routes, new URL(href));
      } catch {
        // keep 'other'
      }
      return { url: sanitizeUrl(href, { maxLength: STRING_LIMITS.url }), route, userAgent: ctx.userAgent };
    },
    getReplayUrl: () => replay?.getUrl(),
    release: config.release,
    onDrop: ctx.drop,
    onSent: ctx.sent,
    log,
    isClosed: ctx.isClosed,
    // Full request URLs, not origins: with the ingestion API on the app's own origin, every stack frame
    // would contain the bare endpoint and no unhandled error would ever be reported.
    ownUrls: [
      `${resolved.endpoint}/metrics/web-vitals`,
      errorsUrl,
      config.umami && umamiSendUrl(config.umami.hostUrl),
      config.replay && `${config.replay.ingestPoint.replace(/\/+$/, '')}/v1/web/`,
    ].filter((u): u is string => typeof u === 'string'),
  });

  const umami: UmamiClient | undefined = config.umami
    ? createUmamiClient({
        options: config.umami,
        window: w,
        transport: ctx.transport,
        isAllowed: () => consent.allows('analytics'),
        getSessionId: () => session.getId(),
        environment: config.environment,
        onDrop: ctx.drop,
        onSent: ctx.sent,
        log: log.log,
      })
    : undefined;

  const maybeStartReplay = (): void => {
    if (!replay || !consent.allows('replay')) return;
    if (isSampled(session.getId(), resolved.replaySampleRate)) replay.start();
    else log.log('replay sampled out');
  };

  const rules = config.replay?.sanitization;
  const badRules =
    rules === undefined
      ? undefined
      : rulesProblem(rules, (selector) => doc.createDocumentFragment().querySelector(selector));
  if (badRules) {
    // Half-applied masking rules could record what the app meant to hide: replay stays off, said once.
    try {
      console.warn(`[usermetrics] replay disabled: ${badRules}`);
    } catch {
      // no console
    }
  }
  if (config.replay && !badRules) {
    const options = config.replay;
    guard(
      log,
      'start.replay',
      () => {
        replay = createReplay({
          options,
          window: w,
          getSessionId: () => session.getId(),
          importer: ctx.replayImporter,
          log: log.log,
        });
        maybeStartReplay();
      },
      undefined,
    );
  }

  // The tracker's own page views carry the pattern of its `routes` (a router integration sends its own).
  const autoView = (href: string): void => {
    if (!umami || ctx.pageViewsByApp()) return;
    let route: string | undefined;
    if (config.routes) {
      try {
        route = resolveRoute(config.routes, new URL(href));
      } catch {
        // no route
      }
    }
    umami.pageView(href, route === undefined ? undefined : { route });
  };
  return {
    begin() {
      if (!umami) return;
      // The first page view waits for the DOM so document.title is known (the chunk may be pulled in early
      // by an error or a flush).
      const firstView = (): void => {
        if (!ctx.isClosed() && consent.allows('analytics') && !umami.hasPageView()) autoView(ctx.initialHref);
      };
      if (doc.readyState !== 'loading') guard(log, 'start.pageView', firstView, undefined);
      else {
        const onReady = (): void => guard(log, 'start.pageView', firstView, undefined);
        doc.addEventListener('DOMContentLoaded', onReady, { once: true });
        cleanup.push(() => doc.removeEventListener('DOMContentLoaded', onReady));
      }
    },
    trackError: errors.trackError,
    captureGlobal: errors.captureGlobal,
    // The tracker only forwards these when Umami is configured (and warns once when it is not).
    pageView: (url, options) => umami?.pageView(url, options),
    event: (name, data) => umami?.event(name, data),
    navigated(href) {
      if (!umami || ctx.pageViewsByApp()) return;
      if (consent.allows('analytics')) autoView(href);
      else ctx.drop('consent', 1);
    },
    consentChanged(next, previous) {
      if (previous.replay && !next.replay) replay?.stop();
      if (!previous.replay && next.replay) maybeStartReplay();
      if (!previous.analytics && next.analytics && umami && !umami.hasPageView()) umami.pageView();
    },
    setSessionId: (id) => replay?.setSessionId(id),
    getReplayUrl: () => replay?.getUrl(),
    stop() {
      for (const undo of cleanup.splice(0)) undo();
      replay?.stop();
    },
  };
}
