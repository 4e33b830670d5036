/**
 * A UUIDv7 (RFC 9562: 48-bit ms timestamp, version 7, variant 10, 74 random bits) from Web Crypto. Core's
 * `createId` makes the same kind of id through the `uuid` package, which costs ~0.8 KB gzip on the
 * critical path; this is the few lines the browser needs. `crypto.getRandomValues` exists in every browser
 * the es2022 build runs in (secure context or not); where it is missing this throws, and every caller is
 * guarded (the tracker then reports '' as session id and drops what needs one).
 */
export function createSessionId(now = Date.now()): string {
  const r = new Uint8Array(10);
  crypto.getRandomValues(r);
  r[0] = 0x70 | ((r[0] as number) & 15);
  r[2] = 0x80 | ((r[2] as number) & 63);
  const hex =
    now.toString(16).padStart(12, '0') + Array.from(r, (x) => (x + 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * The idempotency key of one request body (the `batchId` of DESIGN §5): made once when the body is built,
 * so every retry of that body carries the same key and the handler counts it once. Undefined where no id
 * can be made — the batch is then sent without one, as before the key existed.
 */
export function createBatchId(): string | undefined {
  try {
    return createSessionId();
  } catch {
    return undefined;
  }
}
