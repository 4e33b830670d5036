import { useEffect, useRef } from 'react';
import { functionsFor, useTracker } from '../provider/use-tracking';
import type { PageViewsOptions } from '../types';

function toUrl(path: string): string {
  // Umami wants absolute URLs. Effects only run where `window` exists; anything odd falls back to the path.
  try {
    return new URL(path, window.location.href).href;
  } catch {
    return path;
  }
}

/**
 * Sends a page view whenever `pathname` or `route` changes (not on every render, and once under StrictMode).
 * Works with any router: feed it the router's location. For react-router, `useRouterPageViews()` from
 * `@usermetrics/react/router` does this for you, route pattern included.
 *
 * @example
 * const { pathname, search } = useLocation();
 * usePageViews({ pathname, search, route: '/users/:id' });
 */
export function usePageViews(options: PageViewsOptions): void {
  // Never throws (telemetry never breaks navigation) and is stable per tracker; unlike useTracking(), no
  // per-call memo and object for a hook that may run in every route component.
  const { trackPageView } = functionsFor(useTracker().tracker);
  const { pathname, route, search = '', enabled = true } = options;
  const last = useRef<string | undefined>(undefined);

  // `search` is read but not a trigger: a page view is per page, not per query-string change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const key = `${pathname}\n${route ?? ''}`;
    // The ref survives StrictMode's effect re-run, so the same page is not counted twice.
    if (!enabled || last.current === key) return;
    last.current = key;
    trackPageView(toUrl(pathname + search), route === undefined ? undefined : { route });
  }, [trackPageView, pathname, route, enabled]);
}
