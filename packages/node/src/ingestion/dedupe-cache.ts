/** Remembers which error fingerprints each session has already reported, within fixed memory. */
export interface DedupeCache {
  /** Records one occurrence and returns how many times this session has now sent this fingerprint. */
  record(sessionId: string, fingerprint: string): number;
  /** Sessions currently remembered (for tests and diagnostics). */
  readonly size: number;
}

/**
 * Two-level LRU on `Map` insertion order: at most `maxSessions` sessions × `maxFingerprints` fingerprints,
 * so a flood of fresh session ids or fingerprints evicts old entries instead of growing the container.
 */
export function createDedupeCache(maxSessions: number, maxFingerprints: number): DedupeCache {
  const sessions = new Map<string, Map<string, number>>();
  return {
    record(sessionId, fingerprint) {
      let seen = sessions.get(sessionId);
      if (seen) sessions.delete(sessionId);
      else {
        seen = new Map();
        if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string);
      }
      sessions.set(sessionId, seen);
      const count = (seen.get(fingerprint) ?? 0) + 1;
      if (count === 1 && seen.size >= maxFingerprints) seen.delete(seen.keys().next().value as string);
      seen.delete(fingerprint);
      seen.set(fingerprint, count);
      return count;
    },
    get size() {
      return sessions.size;
    },
  };
}
