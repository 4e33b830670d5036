/** A tiny set with least-recently-used eviction, bounded so a page that throws forever stays bounded. */
export interface Lru {
  /** True when `key` was already present (and refreshes it); otherwise adds it. */
  seen(key: string): boolean;
  clear(): void;
}

/** Creates an {@link Lru} holding at most `max` keys. */
export function createLru(max: number): Lru {
  const keys = new Map<string, true>();
  return {
    seen(key) {
      const had = keys.delete(key);
      keys.set(key, true);
      if (keys.size > max) keys.delete(keys.keys().next().value as string);
      return had;
    },
    clear: () => keys.clear(),
  };
}
