import { REJECTION_REASONS, type RejectionReason } from '@usermetrics/core';

const KNOWN: ReadonlySet<string> = new Set(REJECTION_REASONS);
// Core's validator reports a *missing* required key with valibot's default text instead of a reason code.
const MISSING_KEY = /^Invalid key: Expected "([^"]{1,20})"/;
const REASON_OF_MISSING: Record<string, RejectionReason> = {
  name: 'unknown_metric',
  value: 'invalid_value',
  rating: 'invalid_rating',
  timestamp: 'invalid_timestamp',
};

/**
 * Folds whatever the validator gave as a reason into the fixed reason codes, since the reason is a billed
 * metric dimension and goes back to the client: a missing field gets the code of that field, anything
 * unrecognised becomes `invalid_item`.
 */
export function toRejectionReason(raw: string): RejectionReason {
  if (KNOWN.has(raw)) return raw as RejectionReason;
  const missing = MISSING_KEY.exec(raw)?.[1];
  if (missing === undefined) return 'invalid_item';
  return Object.hasOwn(REASON_OF_MISSING, missing)
    ? (REASON_OF_MISSING[missing] as RejectionReason)
    : 'invalid_field';
}
