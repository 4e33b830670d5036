import { describe, expect, it } from 'vitest';
import { createLru } from './create-lru';
import { errorFingerprint, normalizeMessage, topFrames } from './fingerprint';

const stackA = `TypeError: x is undefined
    at render (https://app.example/assets/main.js?v=123:10:5)
    at update (https://app.example/assets/main.js?v=123:20:7)
    at commit (https://app.example/assets/vendor.js:1:99)
    at loop (https://app.example/assets/vendor.js:1:500)`;

describe('fingerprint', () => {
  it('normalizes volatile message parts', () => {
    expect(normalizeMessage('user 42 / 0190b6c2-1234-7abc-8def-0123456789ab / 0xdeadbeef failed')).toBe(
      'user <n> / <id> / <hex> failed',
    );
  });

  it('keeps the top three frames without query strings or positions (Chrome and Firefox formats)', () => {
    expect(topFrames(stackA)).toEqual([
      'at render (https://app.example/assets/main.js',
      'at update (https://app.example/assets/main.js',
      'at commit (https://app.example/assets/vendor.js',
    ]);
    expect(
      topFrames('render@https://app.example/main.js:10:5\nupdate@https://app.example/main.js:20:1'),
    ).toEqual(['render@https://app.example/main.js', 'update@https://app.example/main.js']);
    expect(topFrames(undefined)).toEqual([]);
  });

  it('groups the same bug across deploys and ids, separates different bugs', () => {
    const moved = stackA.replaceAll('v=123', 'v=456').replace(':10:5', ':11:9');
    const base = errorFingerprint('TypeError', 'user 1 failed', stackA);
    expect(errorFingerprint('TypeError', 'user 2 failed', moved)).toBe(base);
    expect(errorFingerprint('RangeError', 'user 1 failed', stackA)).not.toBe(base);
    expect(errorFingerprint('TypeError', 'other failure', stackA)).not.toBe(base);
    expect(errorFingerprint('TypeError', 'user 1 failed', stackA.replace('render', 'paint'))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('createLru', () => {
  it('remembers up to max keys, evicting the least recently used', () => {
    const lru = createLru(2);
    expect(lru.seen('a')).toBe(false);
    expect(lru.seen('b')).toBe(false);
    expect(lru.seen('a')).toBe(true); // refreshes a
    expect(lru.seen('c')).toBe(false); // evicts b
    expect(lru.seen('a')).toBe(true);
    expect(lru.seen('b')).toBe(false);
    lru.clear();
    expect(lru.seen('a')).toBe(false);
  });
});
