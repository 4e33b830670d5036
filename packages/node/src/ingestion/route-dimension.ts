import { matchRoute, normalizeRoute, OTHER_ROUTE } from '@usermetrics/core';

const PATH_OF_URL = /^(?:[a-z][a-z\d+.-]*:)?(?:\/\/[^/?#]*)?([^?#]*)/i;

/**
 * The `route` dimension of one report: the client's `route` if it is one of the configured patterns, else
 * (no route sent) the configured pattern the URL's path matches, else `other`. Only configured values can
 * come out, whatever the client sends, so the dimension's cardinality is bounded by configuration.
 */
export function routeDimension(
  route: string | undefined,
  url: string | undefined,
  routes: readonly string[],
): string {
  if (routes.length === 0) return OTHER_ROUTE;
  if (route !== undefined) return normalizeRoute(route, routes);
  if (url === undefined) return OTHER_ROUTE;
  return matchRoute(PATH_OF_URL.exec(url)?.[1] || '/', routes);
}
