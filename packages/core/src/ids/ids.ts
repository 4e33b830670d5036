import { v7 as uuidv7 } from 'uuid';

/**
 * A new UUIDv7 (time-ordered, 74 random bits). Used for sessionId and errorId.
 * @example createId() // '0190b6c2-…'
 */
export function createId(): string {
  return uuidv7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** True for a canonical RFC 9562 UUID string of any version. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/**
 * 32-bit FNV-1a hash of a string, as an unsigned integer. Stable across runtimes, so the browser and the
 * server agree on sampling decisions.
 */
export function hashString(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Deterministic sampling (DESIGN §2): the same session always gets the same answer for the same rate.
 * `rate` ≤ 0 (or not a number) is never sampled, ≥ 1 always.
 * @example isSampled(sessionId, 0.1) // true for about 10 % of sessions
 */
export function isSampled(sessionId: string, rate: number): boolean {
  if (!(rate > 0)) return false;
  if (rate >= 1) return true;
  // uuidv7 starts with a timestamp; hashing the whole id spreads sessions made in the same millisecond.
  return hashString(String(sessionId)) / 0x1_0000_0000 < rate;
}

/**
 * UTF-8 byte length of a string without TextEncoder (core runs where it may be missing). Lone surrogates
 * count as 3 bytes, as TextEncoder's replacement character would.
 */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
