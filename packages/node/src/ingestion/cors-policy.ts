/** CORS decisions for one handler, computed once from its options. */
export interface CorsPolicy {
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
 * `scheme://host[:port]` in lower case, or `undefined` for anything else (paths, `null`, garbage), so
 * configuration typos and hostile Origin headers never match by accident.
 */
export function normalizeOrigin(value: string): string | undefined {
  const trimmed = value.trim().toLowerCase().replace(/\/+$/, '');
  return /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/.test(trimmed) ? trimmed : undefined;
}
