import { normalizeRoute, OTHER_ROUTE, STRING_LIMITS } from '@usermetrics/core';
import { reportFailure } from '../diagnostics/report-failure';

/** Distinct route values kept per process when no allow-list is configured. */
export const MAX_DISTINCT_ROUTES = 50;

/**
 * Resolves the `route` dimension of an invocation, bounded even under hostile input: an allow-list when one
 * is configured, else the first {@link MAX_DISTINCT_ROUTES} distinct patterns seen (anything later, too
 * long or not a string becomes `other`). Raw paths are never read; `$default` means no route is known.
 */
export function createRouteResolver<TEvent>(
  route: ((event: TEvent) => string | undefined) | undefined,
  routes: readonly string[] | undefined,
): (event: TEvent) => string | undefined {
  const seen = new Set<string>();
  const bound = (candidate: string): string => {
    if (routes !== undefined) return normalizeRoute(candidate, routes);
    if (candidate.length > STRING_LIMITS.route) return OTHER_ROUTE;
    if (seen.has(candidate)) return candidate;
    if (seen.size >= MAX_DISTINCT_ROUTES) return OTHER_ROUTE;
    seen.add(candidate);
    return candidate;
  };
  return (event) => {
    let candidate: unknown;
    try {
      candidate = route ? route(event) : patternOf(event);
    } catch (error) {
      // The user's `route` callback threw: no route dimension for this invocation.
      reportFailure('route option', error);
      return undefined;
    }
    if (typeof candidate !== 'string' || candidate === '' || candidate === '$default') return undefined;
    return bound(candidate);
  };
}

/** API Gateway's own route pattern: HTTP API `routeKey` (`GET /users/{id}`), REST API `resource`. */
function patternOf(event: unknown): unknown {
  if (event === null || typeof event !== 'object') return undefined;
  const e = event as { routeKey?: unknown; resource?: unknown; requestContext?: { routeKey?: unknown } };
  return e.routeKey ?? e.requestContext?.routeKey ?? e.resource;
}
