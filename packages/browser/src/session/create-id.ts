/**
 * A UUIDv7 (RFC 9562: 48-bit ms timestamp, version 7, variant 10, 74 random bits) from Web Crypto. Core's
 * `createId` makes the same kind of id through the `uuid` package, which costs ~0.8 KB gzip on the
 * critical path; this is the few lines the browser needs. Falls back to Math.random without Web Crypto.
 */
export function createSessionId(now = Date.now()): string {
  const r = new Uint8Array(10);
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.getRandomValues) c.getRandomValues(r);
  else for (let i = 0; i < 10; i++) r[i] = Math.random() * 256;
  r[0] = 0x70 | ((r[0] as number) & 15);
  r[2] = 0x80 | ((r[2] as number) & 63);
  const hex =
    now.toString(16).padStart(12, '0') + Array.from(r, (x) => (x + 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
