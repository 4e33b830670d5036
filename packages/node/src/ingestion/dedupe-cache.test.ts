import { describe, expect, it } from 'vitest';
import { createDedupeCache } from './dedupe-cache';

describe('createDedupeCache', () => {
  it('counts occurrences per session and fingerprint', () => {
    const cache = createDedupeCache(10, 10);

    expect([
      cache.record('s1', 'a'),
      cache.record('s1', 'a'),
      cache.record('s1', 'b'),
      cache.record('s2', 'a'),
    ]).toEqual([1, 2, 1, 1]);
  });

  it('forgets the least recently used session beyond maxSessions', () => {
    const cache = createDedupeCache(2, 10);
    cache.record('s1', 'a');
    cache.record('s2', 'a');
    cache.record('s1', 'a'); // s1 is now the most recent

    cache.record('s3', 'a'); // evicts s2

    expect(cache.size).toBe(2);
    expect(cache.record('s1', 'a')).toBe(3);
    expect(cache.record('s2', 'a')).toBe(1);
  });

  it('forgets the least recently seen fingerprint of a session beyond its limit', () => {
    const cache = createDedupeCache(10, 2);
    cache.record('s', 'a');
    cache.record('s', 'b');
    cache.record('s', 'a');

    cache.record('s', 'c'); // evicts b

    expect(cache.record('s', 'a')).toBe(3);
    expect(cache.record('s', 'b')).toBe(1);
  });

  it('stays within its bounds under a flood of fresh sessions and fingerprints', () => {
    const cache = createDedupeCache(1000, 50);

    for (let i = 0; i < 20_000; i++) cache.record(`s${i % 3000}`, `fp${i}`);

    expect(cache.size).toBe(1000);
  });

  it('treats keys such as __proto__ as plain strings', () => {
    const cache = createDedupeCache(10, 10);

    cache.record('__proto__', 'constructor');

    expect(cache.record('__proto__', 'constructor')).toBe(2);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
