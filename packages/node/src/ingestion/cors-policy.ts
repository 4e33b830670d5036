/** CORS decisions for one handler, computed once from its options. */
export interface CorsPolicy {
  /** Whether a request carrying this Origin header may be processed: absent (server to server) or allowed. */
  accepts(origin: string | undefined): boolean;
  /** Headers for an actual (non-preflight) answer to a request from `origin`. */
  responseHeaders(origin: string | undefined): Record<string, string>;
  /** Headers of a 204 preflight answer, or `undefined` when the origin may not call us (→ 403). */
  preflightHeaders(origin: string | undefined): Record<string, string> | undefined;
}

/** Methods and request headers the browser SDK uses (DESIGN §2: `X-Session-Id`). */
export const CORS_ALLOW_METHODS = 'POST, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Content-Type, X-Session-Id';

/**
 * @param origins normalised allowlist (lower-case, no trailing slash)
 * @param allowAny `'*'` was configured and permitted (non-production only; decided by the options resolver)
 */
export function createCorsPolicy(
  origins: readonly string[],
  allowAny: boolean,
  maxAgeSeconds: number,
): CorsPolicy {
  const allowed = new Set(origins);
  // The browser transport honours Retry-After on 429, which it can only read when it is exposed.
  const common = { 'Access-Control-Expose-Headers': 'Retry-After' };

  function match(origin: string | undefined): string | undefined {
    if (allowAny) return '*';
    if (origin === undefined) return undefined;
    const normalized = normalizeOrigin(origin);
    return normalized !== undefined && allowed.has(normalized) ? normalized : undefined;
  }

  function responseHeaders(origin: string | undefined): Record<string, string> {
    const echo = match(origin);
    if (echo === '*') return { 'Access-Control-Allow-Origin': '*', ...common };
    // Vary on every answer, allowed or not, so a shared cache never serves one origin's answer to another.
    if (echo === undefined) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': echo, Vary: 'Origin', ...common };
  }

  return {
    accepts: (origin) => origin === undefined || match(origin) !== undefined,
    responseHeaders,
    preflightHeaders(origin) {
      if (match(origin) === undefined) return undefined;
      return {
        ...responseHeaders(origin),
        'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
        'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
        'Access-Control-Max-Age': String(maxAgeSeconds),
      };
    },
  };
}

/**
 * Longest Origin header looked at: `https://` + a 253-character host + `:65535`, with room for surrounding
 * space and trailing slashes. A longer header is refused before any other work (#18: a 10 000-slash origin
 * cost 62 ms through a backtracking regex).
 */
export const MAX_ORIGIN_LENGTH = 300;
const ORIGIN = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * `scheme://host[:port]` in lower case, or `undefined` for anything else (paths, `null`, garbage, more than
 * {@link MAX_ORIGIN_LENGTH} characters), so configuration typos and hostile Origin headers never match by
 * accident. Linear in the input.
 */
export function normalizeOrigin(value: string): string | undefined {
  if (value.length > MAX_ORIGIN_LENGTH) return undefined;
  const trimmed = value.trim().toLowerCase();
  // Trailing slashes are tolerated; a loop, because /\/+$/ retries from every slash of a run (quadratic).
  let end = trimmed.length;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 47) end--;
  const origin = trimmed.slice(0, end);
  return ORIGIN.test(origin) ? origin : undefined;
}
