/**
 * What every redacted value becomes. Kept short and greppable so a leak audit can search logs for it.
 */
export const REDACTED = '[REDACTED]';

/**
 * Placeholders written by {@link redact} where a value cannot be copied. They are strings, not
 * `undefined`, so the output shows that something was there.
 */
export const MARKERS = {
  circular: '[Circular]',
  unreadable: '[Unreadable]',
  maxDepth: '[MaxDepth]',
  unredactable: '[Unredactable]',
  truncated: '…[truncated]',
} as const;
