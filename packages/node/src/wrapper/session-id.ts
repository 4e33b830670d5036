import { parseSessionId } from '@usermetrics/core';

const HEADER = 'x-session-id';
// The last header value and its verdict: one browser session usually sends several requests in a row to the
// same warm instance, and the rule is a pure function of the value.
let lastRaw: string | undefined;
let lastParsed: string | undefined;

/**
 * The `X-Session-Id` header of an API Gateway event (v1 or v2, any letter case), if it passes core's one
 * session-id rule ({@link parseSessionId}: a UUID, or at most 64 characters of `A-Z a-z 0-9 . _ : -`).
 * Anything else is ignored so that a hostile header cannot inject text into logs.
 */
export function readSessionId(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object') return undefined;
  const headers = (event as { headers?: unknown }).headers;
  if (headers === null || typeof headers !== 'object') return undefined;
  const h = headers as Record<string, unknown>;
  let value = h[HEADER] ?? h['X-Session-Id'];
  if (value === undefined) {
    for (const key in h) {
      if (key.length === HEADER.length && key.toLowerCase() === HEADER) {
        value = h[key];
        break;
      }
    }
  }
  if (value === lastRaw) return lastParsed;
  const parsed = parseSessionId(value);
  if (typeof value === 'string') {
    lastRaw = value;
    lastParsed = parsed;
  }
  return parsed;
}
