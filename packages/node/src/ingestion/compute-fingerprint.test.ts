import { describe, expect, it } from 'vitest';
import { computeFingerprint } from './compute-fingerprint';

const chrome =
  'TypeError: x is undefined\n    at render (https://app/main.js?v=1:10:5)\n    at App (https://app/main.js?v=1:20:1)';

describe('computeFingerprint', () => {
  it('is 16 hex characters and stable for the same error', () => {
    const a = computeFingerprint('TypeError', 'x is undefined', chrome);

    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(computeFingerprint('TypeError', 'x is undefined', chrome)).toBe(a);
  });

  it('ignores cache-busting query strings in frames', () => {
    expect(computeFingerprint('TypeError', 'm', chrome)).toBe(
      computeFingerprint('TypeError', 'm', chrome.replaceAll('?v=1', '?v=2')),
    );
  });

  it('differs by type, message and frames', () => {
    const base = computeFingerprint('TypeError', 'm', chrome);

    expect(computeFingerprint('RangeError', 'm', chrome)).not.toBe(base);
    expect(computeFingerprint('TypeError', 'n', chrome)).not.toBe(base);
    expect(computeFingerprint('TypeError', 'm', chrome.replace('render', 'paint'))).not.toBe(base);
  });

  it('uses only the top five frames, Firefox style included', () => {
    const frames = Array.from({ length: 8 }, (_, i) => `f${i}@https://app/a.js:${i}:1`).join('\n');
    const deeper = frames.replace('f7@', 'changed@');

    expect(computeFingerprint('Error', 'm', frames)).toBe(computeFingerprint('Error', 'm', deeper));
    expect(computeFingerprint('Error', 'm', frames)).not.toBe(computeFingerprint('Error', 'm', undefined));
  });
});
