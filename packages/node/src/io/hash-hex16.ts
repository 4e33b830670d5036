import { hashString } from '@usermetrics/core';

type CreateHash = typeof import('node:crypto').createHash;
let createHash: CreateHash | null | undefined;

/**
 * node:crypto's `createHash`, taken on first use without a static `import` (an ES module bundle evaluates
 * node:crypto at load: milliseconds of every cold start, #13 item 4): `process.getBuiltinModule` (Node ≥
 * 20.16, every current Lambda runtime) or CommonJS `require`. `null` where neither exists.
 */
function loadCreateHash(): CreateHash | null {
  if (createHash === undefined) {
    const host = process as { getBuiltinModule?: (id: string) => unknown };
    try {
      // Bundlers rewrite `require` into a shim that exists in ES modules too and throws there: hence try.
      const crypto = (
        typeof host.getBuiltinModule === 'function'
          ? host.getBuiltinModule('node:crypto')
          : require('node:crypto')
      ) as { createHash: CreateHash } | undefined;
      createHash = crypto?.createHash ?? null;
    } catch {
      createHash = null;
    }
  }
  return createHash;
}

/**
 * The first 16 hex characters of the SHA-256 of `text` (fingerprints and issue ids). On an early Node 20
 * running an ES module without `process.getBuiltinModule`, two 32-bit FNV-1a hashes instead: stable within
 * the process (what dedupe needs), different from SHA-256 ids.
 * @example hashHex16('TypeError\nx is undefined') // 'a3f0…' (16 chars)
 */
export function hashHex16(text: string): string {
  const create = loadCreateHash();
  if (create !== null) return create('sha256').update(text).digest('hex').slice(0, 16);
  const a = hashString(text).toString(16).padStart(8, '0');
  const b = hashString(`${text.length}:${text}`).toString(16).padStart(8, '0');
  return a + b;
}
