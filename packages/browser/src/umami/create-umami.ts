import { LIMITS, OTHER_ROUTE, redactString, UMAMI_LIMITS, utf8ByteLength } from '@usermetrics/core';
import type { Transport } from '../transport/create-transport';
import type { DropReason, PageViewOptions, UmamiOptions } from '../types';
import { buildUmamiPayload, readUmamiPage, toUmamiUrl } from './umami-payload';

/** What the Umami client reads from the tracker. */
export interface UmamiDeps {
  options: UmamiOptions;
  window: Window;
  transport: Transport;
  isAllowed: () => boolean;
  getSessionId: () => string;
  /** The tracker's `environment`, added to every event's data. */
  environment?: string | undefined;
  onDrop: (reason: DropReason, count: number) => void;
  onSent: (count: number) => void;
  log: (message: string, detail?: unknown) => void;
}

/** Page views and custom events sent straight to Umami's collection API (no Umami script is loaded). */
export interface UmamiClient {
  pageView(url?: string, options?: PageViewOptions): void;
  event(name: string, data?: unknown): void;
  /** True once a page view went out (or was attempted) in this page. */
  hasPageView(): boolean;
}

/** The URL Umami events are posted to: `{hostUrl}/api/send`. */
export function umamiSendUrl(hostUrl: string): string {
  return `${hostUrl.replace(/\/+$/, '')}/api/send`;
}

/**
 * Creates the Umami client. Referrer of the first view is `document.referrer`, then the previous view's
 * URL (what Umami's own script does for single-page apps).
 */
export function createUmamiClient(deps: UmamiDeps): UmamiClient {
  const { window: w } = deps;
  const endpoint = umamiSendUrl(deps.options.hostUrl);
  // The last page view: its URL, route pattern and referrer (a view that adds the missing route reuses it).
  let lastUrl: string | undefined;
  let lastRoute: string | undefined;
  let lastReferrer: string | undefined;
  let viewed = false;

  function send(name: string | undefined, data: unknown, url?: string, options: PageViewOptions = {}): void {
    if (!deps.isAllowed()) {
      deps.onDrop('consent', 1);
      return;
    }
    const href = w.location.href;
    const pageUrl = toUmamiUrl(url ?? href, href);
    if (pageUrl === undefined) {
      deps.log('umami: url not accepted', url);
      deps.onDrop('rejected', 1);
      return;
    }
    // The history hook and a router integration (usePageViews) may both report the same navigation:
    // a page view for the URL that was just viewed is the same view, not a new one. Except once: a router
    // mounted after the tracker's first automatic view reports that URL again with the route pattern the
    // first view lacked (none, or 'other' from a `routes` list without it); dropping it would lose the
    // landing page's route for good.
    const route = name === undefined ? options.route : undefined;
    const known = (r: string | undefined): boolean => r !== undefined && r !== OTHER_ROUTE;
    const addsRoute = known(route) && !known(lastRoute);
    if (name === undefined && pageUrl === lastUrl && !addsRoute) {
      deps.log('umami: same page view skipped', pageUrl);
      return;
    }
    const sameView = name === undefined && pageUrl === lastUrl;
    const referrerRaw = options.referrer ?? (sameView ? lastReferrer : lastUrl) ?? w.document.referrer;
    const referrer = referrerRaw ? toUmamiUrl(referrerRaw, href) : undefined;
    const facts = readUmamiPage(w.document, w.navigator, w.screen);
    if (typeof options.title === 'string') {
      facts.title = redactString(options.title, { maxStringLength: UMAMI_LIMITS.title }).slice(
        0,
        UMAMI_LIMITS.title,
      );
    }
    const built = buildUmamiPayload({
      websiteId: deps.options.websiteId,
      page: { ...facts, url: pageUrl, referrer },
      sessionId: deps.getSessionId(),
      environment: deps.environment,
      name,
      data,
    });
    if ('invalid' in built) {
      deps.log(`umami: ${built.invalid}`);
      deps.onDrop('rejected', 1);
      return;
    }
    if (name === undefined) {
      if (!sameView) lastReferrer = referrer;
      lastUrl = pageUrl;
      lastRoute = route;
      viewed = true;
    }
    const body = JSON.stringify(built);
    if (utf8ByteLength(body) > LIMITS.maxBeaconBytes) {
      deps.onDrop('too_large', 1);
      return;
    }
    void deps.transport
      .send({ url: endpoint, body, contentType: 'application/json' }, { isAllowed: deps.isAllowed })
      .then((outcome) => (outcome.ok ? deps.onSent(1) : deps.onDrop(outcome.reason, 1)));
  }

  return {
    pageView: (url, options) =>
      send(
        undefined,
        typeof options?.route === 'string' ? { route: options.route } : undefined,
        url,
        options,
      ),
    event: (name, data) => send(name, data),
    hasPageView: () => viewed,
  };
}
