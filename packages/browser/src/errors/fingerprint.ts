import { hashString } from '@usermetrics/core';

// Volatile parts that make the same bug look different on every occurrence.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX = /\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b/gi;
const NUMBER = /\d+/g;
const QUERY = /\?[^\s):]*/g;
const FRAME = /^\s*at\s|@/;

/** The top `count` stack frames, without query strings (cache busters) or line/column numbers. */
export function topFrames(stack: string | undefined, count = 3): string[] {
  if (!stack) return [];
  return stack
    .split('\n')
    .filter((line) => FRAME.test(line))
    .slice(0, count)
    .map((line) =>
      line
        .trim()
        .replace(QUERY, '')
        .replace(/:\d+(:\d+)?\)?$/, ''),
    );
}

/** A message with ids, hex and numbers replaced, so `user 42 not found` and `user 43 …` group together. */
export function normalizeMessage(message: string): string {
  return message.replace(UUID, '<id>').replace(HEX, '<hex>').replace(NUMBER, '<n>').slice(0, 500);
}

/**
 * Fingerprint of an error: type + normalized message + top 3 normalized frames, hashed. Two reports with
 * the same fingerprint are the same bug.
 * @example errorFingerprint('TypeError', 'x is undefined', stack) // 'e3b0c442-…'
 */
export function errorFingerprint(type: string, message: string, stack: string | undefined): string {
  const key = [type, normalizeMessage(message), ...topFrames(stack)].join('\n');
  // Two independent 32-bit hashes (the second over the reversed key) make collisions unlikely enough.
  const a = hashString(key).toString(16).padStart(8, '0');
  const b = hashString([...key].reverse().join(''))
    .toString(16)
    .padStart(8, '0');
  return `${a}${b}`;
}
