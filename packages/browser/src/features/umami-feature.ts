import { guard } from '../internal/debug-logger';
import type { RuntimeContext } from '../runtime/types';
import type { Transport } from '../transport/create-transport';
import type { ConsentState, PageViewOptions } from '../types';
import { createUmamiClient } from '../umami/create-umami';
import { resolveRoute } from '../vitals/resolve-route';

/** Umami page views and events (DESIGN §6), as the runtime drives them. */
export interface UmamiFeature {
  pageView(url?: string, options?: PageViewOptions): void;
  event(name: string, data?: Record<string, unknown>): void;
  /** A client-side navigation the loader recorded: the tracker's own page view, unless the app sends them. */
  navigated(href: string): void;
  /** The first page view, for the page as it was when the tracker was created (its own start-up step). */
  firstView(): void;
  consentChanged(next: ConsentState, previous: ConsentState): void;
  stop(): void;
}

/** Creates the Umami feature; undefined when `umami` is not configured. */
export function createUmamiFeature(ctx: RuntimeContext, transport: Transport): UmamiFeature | undefined {
  const { config } = ctx.resolved;
  if (!config.umami) return undefined;
  const { consent, log } = ctx;
  const doc = ctx.env.document;
  const umami = createUmamiClient({
    options: config.umami,
    window: ctx.env.window,
    transport,
    isAllowed: () => consent.allows('analytics'),
    getSessionId: () => ctx.session.getId(),
    environment: config.environment,
    onDrop: ctx.drop,
    onSent: ctx.sent,
    log: log.log,
  });
  const cleanup: (() => void)[] = [];
  // The tracker's own page views carry the pattern of its `routes` (a router integration sends its own).
  const autoView = (href: string): void => {
    if (ctx.pageViewsByApp()) return;
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
    pageView: umami.pageView,
    event: umami.event,
    navigated(href) {
      if (ctx.pageViewsByApp()) return;
      if (consent.allows('analytics')) autoView(href);
      else ctx.drop('consent', 1);
    },
    firstView() {
      const initial = ctx.navigations.hrefAt(0);
      // The first page view waits for the DOM so document.title is known (a flush may start the runtime early).
      const view = (): void => {
        if (!ctx.isClosed() && consent.allows('analytics') && !umami.hasPageView()) autoView(initial);
      };
      if (doc.readyState !== 'loading') return view();
      const onReady = (): void => guard(log, 'start.pageView', view, undefined);
      doc.addEventListener('DOMContentLoaded', onReady, { once: true });
      cleanup.push(() => doc.removeEventListener('DOMContentLoaded', onReady));
    },
    consentChanged(next, previous) {
      if (!previous.analytics && next.analytics && !umami.hasPageView()) umami.pageView();
    },
    stop() {
      for (const undo of cleanup.splice(0)) undo();
    },
  };
}
