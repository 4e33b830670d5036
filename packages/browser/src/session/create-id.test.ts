import { isUuid } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import { createSessionId } from './create-id';

describe('createSessionId', () => {
  it('makes RFC 9562 UUIDv7s whose first 48 bits are the time in ms', () => {
    const now = Date.UTC(2026, 10, 26, 4, 0, 0, 123);
    const id = createSessionId(now);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
    // Random part: 1000 ids in the same millisecond are all different.
    expect(new Set(Array.from({ length: 1000 }, () => createSessionId(now))).size).toBe(1000);
  });
});
