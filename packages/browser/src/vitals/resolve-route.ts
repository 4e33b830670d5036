import { matchRoute, OTHER_ROUTE, STRING_LIMITS } from '@usermetrics/core';
import type { TrackerConfig } from '../types';

/**
 * The route pattern of `url`: `routes` patterns via core `matchRoute`, or the user's function. Anything
 * unusable (a throw, a non-string, an over-long value) collapses to `other`, keeping cardinality bounded.
 */
export function resolveRoute(routes: TrackerConfig['routes'], url: URL): string {
  if (typeof routes === 'function') {
    try {
      const route = routes(url);
      return typeof route === 'string' && route && route.length <= STRING_LIMITS.route ? route : OTHER_ROUTE;
    } catch {
      return OTHER_ROUTE;
    }
  }
  // No patterns: matchRoute answers OTHER_ROUTE.
  return matchRoute(url.pathname, routes ?? []);
}
