import { describe, expect, it } from 'vitest';
import { createId, hashString, isSampled, isUuid, utf8ByteLength } from './ids';

describe('ids', () => {
  it('creates unique, time-ordered UUIDv7s', () => {
    const ids = Array.from({ length: 1000 }, createId);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays ordered and unique past 4096 ids in one millisecond (the counter carries into the timestamp)', () => {
    const ids = Array.from({ length: 10_000 }, createId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('recognises UUIDs', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid(42)).toBe(false);
    expect(isUuid('123e4567-e89b-42d3-a456-426614174000')).toBe(true);
  });

  it('hashes with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
});

describe('isSampled', () => {
  const ids = Array.from({ length: 20_000 }, createId);

  it('is deterministic per session', () => {
    for (const id of ids.slice(0, 100)) expect(isSampled(id, 0.3)).toBe(isSampled(id, 0.3));
  });

  it('samples close to the requested rate', () => {
    for (const rate of [0.01, 0.1, 0.5, 0.9]) {
      const share = ids.filter((id) => isSampled(id, rate)).length / ids.length;
      expect(Math.abs(share - rate)).toBeLessThan(0.02);
    }
  });

  it('is monotonic in the rate: a session in at 10 % is in at 50 %', () => {
    for (const id of ids.slice(0, 1000)) if (isSampled(id, 0.1)) expect(isSampled(id, 0.5)).toBe(true);
  });

  it('handles the edges', () => {
    expect(isSampled('x', 0)).toBe(false);
    expect(isSampled('x', -1)).toBe(false);
    expect(isSampled('x', Number.NaN)).toBe(false);
    expect(isSampled('x', 1)).toBe(true);
    expect(isSampled('x', 5)).toBe(true);
  });
});

describe('utf8ByteLength', () => {
  it('matches Buffer.byteLength for mixed text', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€\u0000', '\ud800x', 'x\udc00']) {
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
