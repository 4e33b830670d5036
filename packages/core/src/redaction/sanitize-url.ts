import { REDACTED } from './constants';
import { cutClean, redactText } from './redact-string';
import { safeDecode } from './safe-decode';
import { isSensitiveParamNormalized, normalizeKey, toKeySet } from './sensitive-keys';
import type { SanitizeUrlOptions } from './types';

// Optional scheme, then an optional authority. Browsers read `\\` like `//` after http(s):, so both count.
const HEAD = /^([a-z][a-z\d+.-]*:)?([/\\]{2}[^/\\?#]*)?/i;
const REDACTED_ENCODED = /%5BREDACTED%5D/g;
const BROKEN_ESCAPE = /%[\da-f]?$/i;
// A high surrogate not followed by a low one, or a low one not after a high one (no lookbehind: Safari < 16.4).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/*
 * Query components are redacted in decoded form (so `%40` and `+`-separated card numbers are seen) and
 * re-encoded only when something changed, so clean URLs come back byte for byte.
 */
function redactComponent(raw: string, extra: ReadonlySet<string> | undefined): string {
  const decoded = safeDecode(raw);
  const clean = redactText(decoded, Number.POSITIVE_INFINITY, extra);
  if (clean === decoded) return raw;
  // Lone surrogates cannot be encoded and the component is unreadable anyway. Tested rather than caught: a
  // throw per component is what made hostile URLs expensive (#18).
  if (LONE_SURROGATE.test(clean)) return REDACTED;
  return encodeURIComponent(clean).replace(REDACTED_ENCODED, REDACTED);
}

function sanitizeParam(part: string, extra: ReadonlySet<string> | undefined): string {
  const eq = part.indexOf('=');
  if (eq < 0) return redactComponent(part, extra);
  const rawName = part.slice(0, eq);
  const name = redactComponent(rawName, extra);
  if (isSensitiveParamNormalized(normalizeKey(safeDecode(rawName)), extra)) return `${name}=${REDACTED}`;
  return `${name}=${redactComponent(part.slice(eq + 1), extra)}`;
}

/**
 * Makes a URL safe to store or send to analytics: keeps scheme, host and path, drops the `#fragment`
 * (OAuth implicit flow puts tokens there) and `user:pass@` credentials, replaces values of sensitive
 * query parameters ({@link isSensitiveParam}: `token`, `code`, `state`, `email`, `sig`, …) with
 * `[REDACTED]`, and runs {@link redactString} on the path and on every other parameter name and value.
 *
 * Works on absolute, protocol-relative and relative URLs without the `URL` global (not in every runtime
 * core targets, and it throws on relative input). Never throws: input that is not a string gives `''`.
 * The result is at most `maxLength` characters.
 * @example sanitizeUrl('https://u:p@app.example/cb?code=abc&lang=en#t=1') // 'https://app.example/cb?code=[REDACTED]&lang=en'
 */
export function sanitizeUrl(url: string, options?: SanitizeUrlOptions): string {
  try {
    if (typeof url !== 'string') return '';
    const max = options?.maxLength;
    const maxLength = typeof max === 'number' && max >= 0 ? Math.floor(max) : 2000;
    const extra = toKeySet(options?.sensitiveParams);
    // Redaction may shorten the text, so read a few times more than we keep; beyond that, cost would
    // grow with hostile input for nothing.
    let s = cutClean(url.trim(), Math.min(maxLength * 4 + 1024, 1 << 20));
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    const head = HEAD.exec(s);
    const scheme = head?.[1] ?? '';
    const authority = head?.[2] ?? '';
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    const rest = s.slice(head?.[0].length ?? 0);
    const q = rest.indexOf('?');
    const path = redactText(q < 0 ? rest : rest.slice(0, q), Number.POSITIVE_INFINITY, extra);
    const query =
      q < 0
        ? ''
        : `?${rest
            .slice(q + 1)
            .split('&')
            .map((p) => sanitizeParam(p, extra))
            .join('&')}`;
    const prefix = authority ? `${scheme}${authority.slice(0, 2)}${host.replace(/^[/\\]+/, '')}` : scheme;
    const out = prefix + path + query;
    // Everything is redacted already, so a plain cut cannot reveal a secret; just avoid a broken `%XX`.
    return out.length <= maxLength ? out : out.slice(0, maxLength).replace(BROKEN_ESCAPE, '');
  } catch {
    return '';
  }
}
