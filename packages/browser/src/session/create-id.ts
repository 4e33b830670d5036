import { createId } from '@usermetrics/core/ids';

/**
 * The idempotency key of one request body (the `batchId` of DESIGN §5): made once when the body is built,
 * so every retry of that body carries the same key and the handler counts it once. Undefined where no id
 * can be made (no Web Crypto) — the batch is then sent without one, as before the key existed.
 */
export function createBatchId(): string | undefined {
  try {
    return createId();
  } catch {
    return undefined;
  }
}
