import { MARKERS, REDACTED } from './constants';
import { DEFAULT_MAX_STRING_LENGTH, isCardNumber, redactText } from './redact-string';
import { isSensitiveName, toKeySet } from './sensitive-keys';
import type { RedactOptions } from './types';

interface Context {
  readonly maxDepth: number;
  readonly maxLength: number;
  readonly maxKeys: number;
  readonly extra: ReadonlySet<string> | undefined;
  // Source object → its copy, so shared references are copied once (a DAG cannot blow up to
  // keys^depth work) and an object met again while still being copied is a cycle.
  readonly seen: Map<object, unknown>;
}

const IN_PROGRESS = Symbol('in-progress');
// Writing these keys onto a plain object changes its prototype or shadows what consumers rely on.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function limit(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && value >= 0 ? Math.min(Math.floor(value), max) : fallback;
}

function walk(value: unknown, depth: number, ctx: Context): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value, ctx.maxLength, ctx.extra);
    case 'number':
      // A card number stored as a number is still a card number (13+ digits fit a double exactly).
      return value >= 1e12 && isCardNumber(String(value)) ? REDACTED : value;
    case 'bigint':
      return redactText(value.toString(), ctx.maxLength, ctx.extra);
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      return value === null ? null : walkObject(value, depth, ctx);
    default:
      return value;
  }
}

function walkObject(obj: object, depth: number, ctx: Context): unknown {
  const known = ctx.seen.get(obj);
  if (known !== undefined) return known === IN_PROGRESS ? MARKERS.circular : known;
  if (depth >= ctx.maxDepth) return MARKERS.maxDepth;
  ctx.seen.set(obj, IN_PROGRESS);
  let copy: unknown;
  try {
    copy = copyObject(obj, depth, ctx);
  } catch {
    // A Proxy trap, a revoked Proxy or a throwing toJSON: the object exists but cannot be read.
    copy = MARKERS.unreadable;
  }
  ctx.seen.set(obj, copy);
  return copy;
}

function copyObject(obj: object, depth: number, ctx: Context): unknown {
  if (Array.isArray(obj)) return copyList(obj, obj.length, depth, ctx);
  if (obj instanceof Set) return copyList(obj, obj.size, depth, ctx);
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof Map) return copyEntries(obj.keys(), (k) => obj.get(k), obj.size, depth, ctx);
  if (obj instanceof Error) {
    // name and message live on the prototype and stack is non-enumerable: list them explicitly.
    const keys = new Set<unknown>(['name', 'message', 'stack']);
    if ('cause' in obj) keys.add('cause');
    if (Array.isArray((obj as { errors?: unknown }).errors)) keys.add('errors');
    for (const k of Object.keys(obj)) keys.add(k);
    return copyEntries(keys, (k) => obj[k as keyof Error], keys.size, depth, ctx);
  }
  // Binary data would be copied byte by byte as numbered keys: describe it instead.
  if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) return `[${obj.constructor.name}]`;
  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    // What JSON.stringify would have written (a URL's href, a Decimal's digits). One level deeper, so
    // a toJSON that returns a fresh object every time still terminates.
    const json: unknown = toJSON.call(obj);
    if (json !== obj) return walk(json, depth + 1, ctx);
  }
  const keys = Object.keys(obj);
  const record = obj as Record<string, unknown>;
  return copyEntries(keys, (k) => record[k as string], keys.length, depth, ctx);
}

function copyList(items: Iterable<unknown>, size: number, depth: number, ctx: Context): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (out.length >= ctx.maxKeys) {
      out.push(`[+${size - out.length} more]`);
      break;
    }
    if (typeof item === 'function' || typeof item === 'symbol') continue;
    out.push(walk(item, depth + 1, ctx));
  }
  return out;
}

function copyEntries(
  keys: Iterable<unknown>,
  read: (key: unknown) => unknown,
  size: number,
  depth: number,
  ctx: Context,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const key of keys) {
    if (typeof key === 'symbol' || typeof key === 'function') continue;
    const name = String(key);
    if (FORBIDDEN_KEYS.has(name)) continue;
    if (count >= ctx.maxKeys) {
      out['…'] = `[+${size - count} more]`;
      break;
    }
    count++;
    let value: unknown;
    if (isSensitiveName(name, ctx.extra)) value = REDACTED;
    else {
      try {
        value = walk(read(key), depth + 1, ctx);
      } catch {
        value = MARKERS.unreadable;
      }
    }
    // Keys can be personal data too (a map keyed by e-mail address).
    if (value !== undefined) out[redactText(name, ctx.maxLength, ctx.extra)] = value;
  }
  return out;
}

/**
 * Returns a redacted deep copy of `value`, safe to serialise and send.
 *
 * - Strings go through {@link redactString}; values under sensitive keys ({@link isSensitiveKey}) become
 *   `'[REDACTED]'` whatever their type; keys are redacted too.
 * - Cycles → `'[Circular]'`, throwing getters and Proxies → `'[Unreadable]'`, deeper than `maxDepth` →
 *   `'[MaxDepth]'`, past `maxKeys` → one `'[+N more]'` entry.
 * - BigInt → decimal string, Date → ISO string, Error → `{name, message, stack, cause, …own props}`,
 *   Map → object, Set → array, typed arrays → `'[Uint8Array]'`, objects with `toJSON` → its result;
 *   functions and symbols are dropped.
 * - Output objects are plain; `__proto__`, `constructor` and `prototype` keys are dropped.
 *
 * Never throws: if everything else fails the result is `'[Unredactable]'`. The return type mirrors the
 * input for convenience; the runtime shape is the JSON-safe copy described above.
 * @example redact({ user: 'jane@example.com', password: 'hunter2' })
 * // { user: '[REDACTED]', password: '[REDACTED]' }
 */
export function redact<T>(value: T, options?: RedactOptions): T {
  try {
    const ctx: Context = {
      maxDepth: limit(options?.maxDepth, 8, 100),
      maxLength: limit(options?.maxStringLength, DEFAULT_MAX_STRING_LENGTH, Number.MAX_SAFE_INTEGER),
      maxKeys: limit(options?.maxKeys, 200, Number.MAX_SAFE_INTEGER),
      extra: toKeySet(options?.extraSensitiveKeys),
      seen: new Map(),
    };
    return walk(value, 0, ctx) as T;
  } catch {
    return MARKERS.unredactable as T;
  }
}
