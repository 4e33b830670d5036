import { hashHex16 } from '../io/hash-hex16';

const TOP_FRAMES = 5;
// `at fn (https://app/x.js?v=123:10:5)` → drop cache-busting queries so a redeploy keeps the fingerprint.
const QUERY_IN_FRAME = /\?[^\s):]*/g;

/**
 * A stable id for "the same error": the error type, the (already redacted) message and the top stack frames,
 * hashed to 16 hex characters. Used when the browser sent no fingerprint of its own.
 * @example computeFingerprint('TypeError', 'x is undefined', stack) // 'a3f0…' (16 chars)
 */
export function computeFingerprint(type: string, message: string, stack: string | undefined): string {
  const frames = (stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    // Chrome repeats "Type: message" as the first stack line; Firefox/Safari frames contain '@'.
    .filter((line) => line.startsWith('at ') || line.includes('@'))
    .slice(0, TOP_FRAMES)
    .map((line) => line.replace(QUERY_IN_FRAME, ''));
  return hashHex16([type, message, ...frames].join('\n'));
}
