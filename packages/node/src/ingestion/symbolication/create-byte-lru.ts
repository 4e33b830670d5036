/** A least-recently-used map bounded by the summed size its entries declare, not by their count. */
export interface ByteLru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  /** Bytes held now. */
  readonly bytes: number;
}

/**
 * Creates the LRU. An entry larger than the whole budget is not kept. Map insertion order is the recency
 * order: a hit moves the key to the end, eviction starts at the front.
 */
export function createByteLru<V>(maxBytes: number): ByteLru<V> {
  const entries = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      const old = entries.get(key);
      if (old !== undefined) {
        entries.delete(key);
        total -= old.bytes;
      }
      if (bytes > maxBytes) return;
      entries.set(key, { value, bytes });
      total += bytes;
      for (const [k, e] of entries) {
        if (total <= maxBytes) break;
        entries.delete(k);
        total -= e.bytes;
      }
    },
    get bytes() {
      return total;
    },
  };
}
