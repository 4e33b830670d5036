import { REJECTION_REASONS, type RejectionReason } from '@usermetrics/core';

const KNOWN: ReadonlySet<string> = new Set(REJECTION_REASONS);

/**
 * Keeps the reason a fixed code even if a future validator returned something else: the reason is a billed
 * metric dimension and goes back to the client, so anything unrecognised becomes `invalid_item`.
 */
export function toRejectionReason(raw: string): RejectionReason {
  return KNOWN.has(raw) ? (raw as RejectionReason) : 'invalid_item';
}
