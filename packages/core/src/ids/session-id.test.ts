import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSessionId } from './session-id';

describe('parseSessionId', () => {
  it('keeps a UUID in lower case and a short safe token as it is', () => {
    expect(parseSessionId(' 0190B6C2-7C4D-7E8F-9A0B-1C2D3E4F5A6B ')).toBe(
      '0190b6c2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
    );
    expect(parseSessionId('sess_1.a:b-c')).toBe('sess_1.a:b-c');
    expect(parseSessionId('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['65 characters', 'x'.repeat(65)],
    ['a quote', 'a"b'],
    ['a newline', 'a\nb'],
    ['U+2028', 'a\u2028b'],
    ['a space inside', 'a b'],
    ['not a string', 42],
  ])('refuses %s', (_, value) => {
    expect(parseSessionId(value)).toBeUndefined();
  });

  it('only ever returns characters that need no escaping in a JSON log line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const id = parseSessionId(s);
        return id === undefined || (JSON.stringify(id) === `"${id}"` && /^[\w.:-]{1,64}$/.test(id));
      }),
    );
  }, 30_000);
});
