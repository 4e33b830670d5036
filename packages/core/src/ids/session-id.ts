import { STRING_LIMITS } from '../constants';
import { isUuid } from './ids';

/** The header the browser puts the session id in, on the app's own API calls (DESIGN §2). */
export const SESSION_ID_HEADER = 'X-Session-Id';

const SAFE = /^[A-Za-z0-9._:-]+$/;

/**
 * The one session-id rule (DESIGN §2), for the `X-Session-Id` header and every session id a server writes to
 * a log line: a UUID (returned in lower case), or 1–64 characters of `A-Z a-z 0-9 . _ : -`, after trimming.
 * Anything else gives `undefined`, so a hostile value can never put quotes, newlines or U+2028 into a log.
 * The length is checked before the pattern, so an overlong value costs nothing.
 * @example parseSessionId(' 0190B6C2-7C4D-7E8F-9A0B-1C2D3E4F5A6B ') // '0190b6c2-7c4d-7e8f-9a0b-1c2d3e4f5a6b'
 * @example parseSessionId('a"b') // undefined
 */
export function parseSessionId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > STRING_LIMITS.sessionId + 64) return undefined;
  const id = value.trim();
  if (id.length === 0 || id.length > STRING_LIMITS.sessionId) return undefined;
  if (isUuid(id)) return id.toLowerCase();
  return SAFE.test(id) ? id : undefined;
}
