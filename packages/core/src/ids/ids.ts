// The last timestamp used and the 12-bit counter within it (RFC 9562 §6.2, method 1): ids made in the same
// millisecond stay ordered.
let lastMs = -1;
// Core has neither DOM nor Node types (it runs in both): the one member of Web Crypto it uses.
const webCrypto = (): { getRandomValues(array: Uint8Array): Uint8Array } =>
  (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
let counter = 0;

/**
 * A new UUIDv7 (RFC 9562: 48-bit ms timestamp, version 7, a 12-bit counter that keeps ids of one millisecond
 * in order, variant 10, 62 random bits) from Web Crypto's `getRandomValues`, present in browsers and in
 * Node ≥ 19. Used for sessionId and errorId. Not the `uuid` package: its Node build imports `node:crypto`
 * when it is loaded, several milliseconds of every Lambda cold start (#13 item 4); Web Crypto is touched
 * only when an id is made.
 * @example createId() // '0190b6c2-…'
 */
export function createId(): string {
  const r = new Uint8Array(10);
  webCrypto().getRandomValues(r);
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // A random start in the lower half leaves ≥ 2048 ids per millisecond before the counter runs out.
    counter = (((r[0] as number) & 7) << 8) | (r[1] as number);
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  ms = lastMs;
  r[0] = 0x70 | (counter >> 8);
  r[1] = counter & 0xff;
  r[2] = 0x80 | ((r[2] as number) & 63);
  let hex = ms.toString(16).padStart(12, '0');
  for (const byte of r) hex += (byte + 256).toString(16).slice(1);
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
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
