/** How many batch ids a handler remembers, and for how long: a browser retries within a minute or two. */
export const BATCH_MEMORY_SIZE = 4096;
export const BATCH_MEMORY_TTL_MS = 15 * 60_000;

/** The answers already given to recently seen batches (#17: a retried batch that did arrive is not counted twice). */
export interface BatchMemory {
  /** The 200 body given to this batch, if it was seen within the TTL. */
  recall(key: string): string | undefined;
  /** Remembers the 200 body given to this batch. */
  remember(key: string, answer: string): void;
}

/**
 * An LRU on `Map` insertion order with a TTL: at most {@link BATCH_MEMORY_SIZE} entries of one small JSON
 * body each, so a flood of fresh batch ids evicts old ones instead of growing the container.
 */
export function createBatchMemory(now: () => number, size = BATCH_MEMORY_SIZE): BatchMemory {
  const entries = new Map<string, { at: number; answer: string }>();
  return {
    recall(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (!(now() - entry.at < BATCH_MEMORY_TTL_MS)) {
        entries.delete(key);
        return undefined;
      }
      return entry.answer;
    },
    remember(key, answer) {
      entries.delete(key);
      if (entries.size >= size) entries.delete(entries.keys().next().value as string);
      entries.set(key, { at: now(), answer });
    },
  };
}
