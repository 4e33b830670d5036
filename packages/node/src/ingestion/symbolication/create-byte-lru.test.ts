import { describe, expect, it } from 'vitest';
import { createByteLru } from './create-byte-lru';

describe('createByteLru', () => {
  it('evicts the least recently used entries once the bytes exceed the budget', () => {
    const lru = createByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    lru.get('a'); // a is now the most recent

    lru.set('c', 'C', 40);

    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(80);
  });

  it('does not keep an entry larger than the whole budget', () => {
    const lru = createByteLru<string>(100);
    lru.set('a', 'A', 10);

    lru.set('huge', 'H', 101);

    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
  });
});
