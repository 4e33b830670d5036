import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDACTED } from './constants';
import { redactString } from './redact-string';
import { safeDecode } from './safe-decode';
import { sanitizeUrl } from './sanitize-url';

const MALFORMED = [
  '%',
  '%%',
  '%4',
  '%G0',
  '%E0%A4',
  '%E0%A4%A',
  '%C0%80',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF',
  '%80',
];

describe('safeDecode', () => {
  afterEach(() => vi.restoreAllMocks());

  it('decodes like decodeURIComponent wherever that succeeds (property)', () => {
    const alphabet = fc.constantFrom(
      '%',
      '2',
      '4',
      '0',
      'A',
      'f',
      'E',
      'C',
      '8',
      'g',
      '+',
      'x',
      '9',
      'B',
      'F',
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (s) => {
        let expected: string;
        try {
          expected = decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return true;
        }
        return safeDecode(s) === expected;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        return safeDecode(encodeURIComponent(s)) === s;
      }),
    );
  });

  it.each(MALFORMED)('keeps the malformed escape %s as it is and decodes the valid ones around it', (bad) => {
    // Before #18 one malformed escape left the whole component undecoded.
    expect(safeDecode(`a%40b${bad}+c%C3%A9`)).toBe(`a@b${bad} cé`);
  });

  it('never calls the throwing decoder, so hostile components cost no exception each', () => {
    const decode = vi.spyOn(globalThis, 'decodeURIComponent');
    const hostile = `https://app.example/?${'%=%&'.repeat(500)}${MALFORMED.join('&')}`;
    // Positive control: the probe sees a call that would throw.
    expect(() => decodeURIComponent('%')).toThrow();
    expect(decode).toHaveBeenCalledTimes(1);
    sanitizeUrl(hostile);
    redactString(hostile);
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it('still finds a sensitive parameter and an encoded e-mail next to malformed escapes', () => {
    expect(sanitizeUrl('https://a.example/?x=%ZZ&t%6Fken=abc&q=jane%40example.com%')).toBe(
      `https://a.example/?x=%ZZ&t%6Fken=${REDACTED}&q=${REDACTED}%25`,
    );
  });

  it('answers [REDACTED] for a component that cannot be re-encoded (lone surrogate), without throwing', () => {
    const encode = vi.spyOn(globalThis, 'encodeURIComponent');
    expect(sanitizeUrl('https://a.example/?q=jane@example.com\uD800')).toBe(
      `https://a.example/?q=${REDACTED}`,
    );
    expect(encode).not.toHaveBeenCalled();
    // Positive control: a well-formed component that changed is re-encoded through the probe.
    sanitizeUrl('https://a.example/?q=jane@example.com');
    expect(encode).toHaveBeenCalled();
  });
});
