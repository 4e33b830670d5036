import { usePageViews } from '@usermetrics/react';
import { useContext } from 'react';
import {
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  useInRouterContext,
  useLocation,
} from 'react-router';
import { warnOnce } from '../internal/dev-warning';
import { type RouteMatchLike, routePattern } from './route-pattern';

/** Options of {@link useRouterPageViews}. */
export interface RouterPageViewsOptions {
  /** Set to false to pause tracking. @default true */
  enabled?: boolean | undefined;
}

/**
 * Sends a page view on every react-router (v6.4+/v7) navigation to a new path, with the matched route pattern
 * (`/users/:id`). Call it once, in a component rendered inside the router (e.g. the root layout route).
 *
 * The pattern comes from the data router's matches (`createBrowserRouter` + `<RouterProvider>`). Under a
 * declarative `<BrowserRouter>` react-router exposes no full match list above `<Routes>`, so the pattern is
 * left to the tracker's `routes` config. Outside a router it does nothing (one development warning).
 *
 * @example
 * import { useRouterPageViews } from '@usermetrics/react/router';
 * function RootLayout() {
 *   useRouterPageViews();
 *   return <Outlet />;
 * }
 */
export function useRouterPageViews(options: RouterPageViewsOptions = {}): void {
  // Whether we are inside a router cannot change without remounting this component, so the conditional
  // hook call below always takes the same branch for a given component instance.
  const inRouter = useInRouterContext();
  // biome-ignore lint/correctness/useHookAtTopLevel: see above
  const location = inRouter ? useLocation() : undefined;
  // Read the context directly: the public `useMatches()` throws outside a data router and drops `route.path`.
  const dataState = useContext(DataRouterStateContext) as { matches?: readonly RouteMatchLike[] } | null;
  if (!inRouter && typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
    warnOnce('useRouterPageViews() needs a react-router router.');
  }

  usePageViews({
    pathname: location?.pathname ?? '',
    search: location?.search,
    route: routePattern(dataState?.matches),
    enabled: inRouter && (options.enabled ?? true),
  });
}
