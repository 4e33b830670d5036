import { LIMITS } from '../constants';
import { utf8ByteLength } from '../ids/ids';
import { redact } from '../redaction/redact';

// Strings are cut well below the byte budget so one long value cannot push every other key out.
const MAX_STRING = 512;

/**
 * Makes the `context.extra` of an error report safe to log (DESIGN §5, §7): redacted, at most 20 keys per
 * object (the rest summarised as one `'…': '[+N more]'` entry), nested at most 3 levels (deeper objects
 * become `'[MaxDepth]'`) and at most 2 KB of JSON — top-level keys that do not fit are dropped and counted
 * in `'…'`. Bounding instead of rejecting keeps the error itself: a report is never lost for its extras.
 * Returns `undefined` for anything that is not a plain object. Never throws.
 * @example
 * boundExtra({ orderId: 42, email: 'jane@example.com' }) // → { orderId: 42, email: '[REDACTED]' }
 */
export function boundExtra(extra: unknown): Record<string, unknown> | undefined {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return undefined;
  let copy: Record<string, unknown>;
  try {
    copy = redact(extra, {
      maxDepth: LIMITS.maxExtraDepth,
      maxKeys: LIMITS.maxExtraKeys,
      maxStringLength: MAX_STRING,
    }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (utf8ByteLength(JSON.stringify(copy)) <= LIMITS.maxExtraBytes) return copy;
  // Keep whole top-level entries in order while they fit, leaving room for the summary entry.
  const out: Record<string, unknown> = {};
  const entries = Object.entries(copy).filter(([key]) => key !== '…');
  const budget = LIMITS.maxExtraBytes - 24;
  let bytes = 2;
  let kept = 0;
  for (const [key, value] of entries) {
    const size = utf8ByteLength(JSON.stringify({ [key]: value })) - 1;
    if (bytes + size > budget) break;
    out[key] = value;
    bytes += size;
    kept++;
  }
  const summarised = /^\[\+(\d+) more\]$/.exec(String(copy['…'] ?? ''));
  out['…'] = `[+${entries.length - kept + Number(summarised?.[1] ?? 0)} more]`;
  return out;
}
