/**
 * Bounded dimension values (DESIGN §3). Every distinct dimension value is a new billed CloudWatch metric, so
 * values that come from a request are mapped onto fixed sets here, even when the input is hostile.
 */

/** errorType values allowed as a dimension; anything else becomes `Other`. */
export const ERROR_TYPES = [
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'URIError',
  'EvalError',
  'AggregateError',
  'ChunkLoadError',
  'NetworkError',
] as const;
/** A bounded errorType dimension value. */
export type ErrorType = (typeof ERROR_TYPES)[number] | 'Other';

/** The route dimension value for every path outside the configured routes. */
export const OTHER_ROUTE = 'other';

/** Reason codes for rejected web-vitals items; the only values of the `reason` dimension. */
export const REJECTION_REASONS = [
  'obsolete_metric',
  'unknown_metric',
  'invalid_value',
  'value_out_of_range',
  'invalid_rating',
  'invalid_timestamp',
  'timestamp_out_of_range',
  'invalid_field',
  'invalid_item',
] as const;
/** Why one web-vitals item was rejected. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Maps any error name onto the bounded errorType set.
 * @example normalizeErrorType('TypeError') // 'TypeError'
 * @example normalizeErrorType('MyCustomError') // 'Other'
 */
export function normalizeErrorType(name: unknown): ErrorType {
  return typeof name === 'string' && (ERROR_TYPES as readonly string[]).includes(name)
    ? (name as ErrorType)
    : 'Other';
}

/**
 * Maps a route claimed by a client onto the configured route patterns: exact pattern matches pass,
 * everything else (raw URLs, ids, unknown patterns) collapses to `other`.
 * @example normalizeRoute('/users/:id', ['/users/:id']) // '/users/:id'
 * @example normalizeRoute('/users/42', ['/users/:id']) // 'other'
 */
export function normalizeRoute(route: unknown, allowed: readonly string[]): string {
  return typeof route === 'string' && allowed.includes(route) ? route : OTHER_ROUTE;
}

/**
 * Finds the configured route pattern a concrete path belongs to (`/users/42` → `/users/:id`), or `other`.
 * Patterns use `:param` segments and an optional trailing `*`.
 */
export function matchRoute(pathname: string, patterns: readonly string[]): string {
  const path = stripTrailingSlash(pathname.split(/[?#]/, 1)[0] ?? '');
  const parts = path.split('/');
  for (const pattern of patterns) {
    if (routeMatches(parts, stripTrailingSlash(pattern).split('/'))) return pattern;
  }
  return OTHER_ROUTE;
}

function routeMatches(parts: string[], patternParts: string[]): boolean {
  for (let i = 0; i < patternParts.length; i++) {
    const p = patternParts[i] as string;
    if (p === '*') return true;
    const part = parts[i];
    if (part === undefined) return false;
    if (p.startsWith(':') ? part === '' : p !== part) return false;
  }
  return parts.length === patternParts.length;
}

function stripTrailingSlash(s: string): string {
  return s.length > 1 && s.endsWith('/') ? s.slice(0, -1) : s;
}
