import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashHex16 } from './hash-hex16';

describe('hashHex16', () => {
  it('is the first 16 hex characters of SHA-256, node:crypto taken without a static import', () => {
    for (const text of ['', 'TypeError\nx is undefined', 'ünïcode 🚀'.repeat(50)]) {
      expect(hashHex16(text)).toBe(createHash('sha256').update(text).digest('hex').slice(0, 16));
    }
    expect(hashHex16('a')).not.toBe(hashHex16('b'));
  });
});
