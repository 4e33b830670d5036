import { STRING_LIMITS, sanitizeUrl } from '@usermetrics/core';
import type { TrackerConfig } from '../types';
import { resolveRoute } from '../vitals/resolve-route';

/**
 * The sanitized URL (core's `sanitizeUrl`, DESIGN §7: the one URL sanitizer of every payload) and the route
 * pattern of the page at `href`; `other` when the URL does not parse.
 */
export function pageFacts(routes: TrackerConfig['routes'], href: string): { url: string; route: string } {
  let route = 'other';
  try {
    route = resolveRoute(routes, new URL(href));
  } catch {
    // keep 'other'
  }
  return { url: sanitizeUrl(href, { maxLength: STRING_LIMITS.url }), route };
}
