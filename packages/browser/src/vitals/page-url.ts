import { STRING_LIMITS } from '@usermetrics/core';

// A path segment that may carry personal data or a secret: an e-mail (raw or %40-encoded), a card-like
// run of digits, a JWT. Stricter than core's sanitizeUrl on purpose; the ingestion handler runs the full
// redaction again (defence in depth).
const SUSPECT = /@|%40|\d{9,}|^eyJ/i;

/**
 * The URL sent with web vitals: origin and path only (query, fragment and credentials dropped), suspect path
 * segments replaced by `[REDACTED]`. Core's `sanitizeUrl` keeps the query and redacts it, but is too large
 * for the critical path; vitals dashboards group by route, so the query is not needed. '' when unparsable.
 */
export function pageUrl(href: string): string {
  try {
    const u = new URL(href);
    const path = u.pathname
      .split('/')
      .map((s) => (SUSPECT.test(s) ? '[REDACTED]' : s))
      .join('/');
    return (u.origin + path).slice(0, STRING_LIMITS.url);
  } catch {
    return '';
  }
}
