import { isSensitiveKey, REDACTED, type RedactOptions, redact, redactString } from '@usermetrics/core';
import { Redacted } from './redacted';
import { VisitedObjects } from './visited-objects';

const MAX_DEPTH = 8;
const MAX_KEYS = 200;
const MAX_CACHED_KEYS = 1000;
const CIRCULAR = '[Circular]';
const MAX_DEPTH_MARKER = '[MaxDepth]';
const UNREADABLE = '[Unreadable]';
const IN_PROGRESS = Symbol('in-progress');
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Core's `redact()` for the shapes log contexts almost always have (plain objects, arrays, primitives),
 * with one difference: the per-key decisions (is it sensitive, what does the key itself redact to) are
 * cached, because a logger sees the same few keys on every line. Strings still go through core's
 * `redactString`; anything else (Date, Map, Set, Error, class instances, `toJSON`) is handed to core's
 * `redact` with the remaining depth. A test proves the output equals `redact()` for generated input.
 */
export function createContextRedactor(extraKeys?: readonly string[]): (value: unknown) => unknown {
  const options: RedactOptions | undefined =
    extraKeys && extraKeys.length > 0 ? { extraSensitiveKeys: extraKeys } : undefined;
  const keys = new Map<string, string | null>();

  /** The key as written (itself redacted), or null when its value must be replaced. */
  const keyOf = (key: string): string | null => {
    let out = keys.get(key);
    if (out === undefined) {
      out = isSensitiveKey(key, extraKeys) ? null : redactString(key, options);
      if (keys.size < MAX_CACHED_KEYS) keys.set(key, out);
    }
    return out;
  };

  const walk = (value: unknown, depth: number, seen: VisitedObjects): unknown => {
    switch (typeof value) {
      case 'string':
        return redactString(value, options);
      case 'number':
        // Large numbers may be card numbers: core decides (one implementation of that rule).
        return value >= 1e12 ? redact(value, options) : value;
      case 'bigint':
        return redact(value, options);
      case 'function':
      case 'symbol':
        return undefined;
      case 'object':
        break;
      default:
        return value;
    }
    if (value === null) return null;
    // Already redacted by the caller (the ingestion handlers): written as it is, never redacted twice.
    if (value instanceof Redacted) return value.text;
    const known = seen.get(value);
    if (known !== undefined) return known === IN_PROGRESS ? CIRCULAR : known;
    if (depth >= MAX_DEPTH) return MAX_DEPTH_MARKER;
    const isArray = Array.isArray(value);
    const proto = isArray ? null : Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      const copy = redact(value, { ...options, maxDepth: MAX_DEPTH - depth });
      seen.set(value, copy);
      return copy;
    }
    seen.set(value, IN_PROGRESS);
    let copy: unknown;
    try {
      copy = isArray
        ? copyArray(value as unknown[], depth, seen)
        : copyRecord(value as Record<string, unknown>, depth, seen);
    } catch {
      copy = UNREADABLE;
    }
    seen.set(value, copy);
    return copy;
  };

  const copyArray = (items: unknown[], depth: number, seen: VisitedObjects): unknown[] => {
    const out: unknown[] = [];
    for (const item of items) {
      if (out.length >= MAX_KEYS) {
        out.push(`[+${items.length - out.length} more]`);
        break;
      }
      if (typeof item === 'function' || typeof item === 'symbol') continue;
      out.push(walk(item, depth + 1, seen));
    }
    return out;
  };

  const copyRecord = (
    record: Record<string, unknown>,
    depth: number,
    seen: VisitedObjects,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const names = Object.keys(record);
    let count = 0;
    for (const name of names) {
      if (FORBIDDEN_KEYS.has(name)) continue;
      if (count >= MAX_KEYS) {
        out['…'] = `[+${names.length - count} more]`;
        break;
      }
      count++;
      const key = keyOf(name);
      let v: unknown;
      if (key === null) v = REDACTED;
      else {
        try {
          v = walk(record[name], depth + 1, seen);
        } catch {
          v = UNREADABLE;
        }
      }
      if (v !== undefined) out[key ?? redactString(name, options)] = v;
    }
    return out;
  };

  // One set of visited objects reused line after line (allocating one per line was a measurable share of
  // a log call); a getter that logs while its object is being copied gets a fresh one.
  const shared = new VisitedObjects();
  let busy = false;
  return (value) => {
    if (busy) return walkSafely(value, new VisitedObjects());
    busy = true;
    try {
      return walkSafely(value, shared);
    } finally {
      shared.clear();
      busy = false;
    }
  };

  function walkSafely(value: unknown, seen: VisitedObjects): unknown {
    try {
      return walk(value, 0, seen);
    } catch {
      return redact(value, options);
    }
  }
}
