import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED } from './constants';
import { isCardNumber, redactString } from './redact-string';

const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);

/**
 * The card pass as it was before #18 made it linear (split on separators, one Luhn pass per window): the
 * oracle the one-scan version must agree with on every digit run.
 */
function splitWindowOracle(run: string): string {
  const parts = run.split(/([ -])/);
  let out = '';
  let i = 0;
  while (i < parts.length) {
    let digits = '';
    let found = -1;
    const issuer = parts[i]?.charCodeAt(0) ?? 0;
    for (let j = i; issuer >= 50 && issuer <= 54 && j < parts.length && digits.length <= 19; j += 2) {
      if (parts[j] === '') break;
      digits += parts[j];
      if (isCardNumber(digits)) found = j;
    }
    if (found >= 0) {
      out += REDACTED + (parts[found + 1] ?? '');
      i = found + 2;
    } else {
      out += parts[i] + (parts[i + 1] ?? '');
      i += 2;
    }
  }
  return out;
}

const VALID = [
  '4111111111111111',
  '5555555555554444',
  '378282246310005',
  '6011111111111117',
  '4012888888881881',
];
// Runs of card numbers (grouped as people write them), digit groups and separators, starting and ending
// with a digit so the whole string is one digit run the pass sees.
const piece = fc.oneof(
  fc.constantFrom(...VALID),
  fc.constantFrom(...VALID).map((c) => c.replace(/(\d{4})(?=\d)/g, '$1 ')),
  fc.constantFrom(...VALID).map((c) => c.replace(/(\d{4})(?=\d)/g, '$1-')),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }),
);
const run = fc
  .array(fc.tuple(piece, fc.constantFrom(' ', '-', '  ', ' - ')), { minLength: 1, maxLength: 12 })
  .map((xs) => xs.map(([p, sep]) => p + sep).join(''))
  .map((s) => s.replace(/[ -]+$/, ''))
  .filter((s) => s.length >= 13);

describe('card pass (one scan, incremental Luhn)', () => {
  it('redacts exactly what the split-and-window pass redacted, on every digit run', () => {
    fc.assert(
      fc.property(run, (s) => {
        expect(redactString(s)).toBe(splitWindowOracle(s));
      }),
      { numRuns: 300 * FACTOR },
    );
  });

  it('finds cards grouped, plain and inside longer runs (positive control)', () => {
    expect(redactString('4111 1111 1111 1111')).toBe(REDACTED);
    expect(redactString('ref 12 4111-1111-1111-1111 99')).toBe(`ref 12 ${REDACTED} 99`);
    expect(redactString('5555555555554444 and 378282246310005')).toBe(`${REDACTED} and ${REDACTED}`);
    // Two separators in a row end a card; a 1-led or 20-digit run is no card.
    expect(redactString('4111 1111  1111 1111')).toBe('4111 1111  1111 1111');
    expect(redactString('1111111111111117')).toBe('1111111111111117');
    expect(redactString('41111111111111110000')).toBe('41111111111111110000');
  });

  it('keeps separator runs of single digits as they are', () => {
    for (const unit of ['1 ', '5 ', '4-', '55 ']) {
      const s = unit.repeat(2000).trim();
      expect(redactString(s)).toBe(splitWindowOracle(s));
    }
  });
});
