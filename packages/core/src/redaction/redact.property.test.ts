import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheck } from './luhn';
import { redact } from './redact';
import { redactString } from './redact-string';
import { sanitizeUrl } from './sanitize-url';

const everything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

// Free text around the secret; a space on each side so the secret is not glued to a random word (which
// would make it a different, longer token).
const text = fc.string({ maxLength: 40 });

/** Appends the Luhn check digit to a payload of digits. */
function withCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnCheck(payload + d)) return payload + d;
  throw new Error('unreachable: one check digit always fits');
}

describe('redact properties', () => {
  it('never throws and its output always serializes', () => {
    fc.assert(
      fc.property(everything, (value) => {
        const out = redact(value);
        expect(() => JSON.stringify(out)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves an e-mail address in text', () => {
    fc.assert(
      fc.property(text, fc.emailAddress(), text, (before, email, after) => {
        const input = `${before} ${email} ${after}`;
        expect(input).toContain(email); // positive control
        expect(JSON.stringify(redact({ message: input }))).not.toContain(email);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a Luhn-valid card number in text, whatever its grouping', () => {
    const card = fc
      .tuple(
        fc.constantFrom('2', '3', '4', '5', '6'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 17 }),
      )
      .map(([issuer, rest]) => withCheckDigit(issuer + rest));
    const grouped = fc
      .tuple(card, fc.constantFrom('', ' ', '-'), fc.integer({ min: 3, max: 6 }))
      .map(([digits, sep, size]) => (digits.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(sep));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc :,.\n'), maxLength: 20 }),
        grouped,
        (before, number) => {
          const input = `${before} ${number} end`;
          expect(input).toContain(number); // positive control
          expect(redactString(input)).not.toContain(number);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1@.:=&?" -_eyJ%4'), maxLength: 80 }), (input) => {
        const once = redactString(input);
        expect(redactString(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sanitizeUrl properties', () => {
  it('never throws and never exceeds maxLength, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        (input, maxLength) => {
          expect(sanitizeUrl(input, { maxLength }).length).toBeLessThanOrEqual(maxLength);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never keeps the fragment or the credentials of a web URL', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.stringMatching(/^[a-z]{3,8}$/),
        fc.stringMatching(/^[A-Za-z0-9]{8,16}$/),
        (url, user, pass) => {
          const withCredentials = url.replace('://', `://${user}:${pass}@`);
          const out = sanitizeUrl(withCredentials);
          expect(out).not.toContain(`${user}:${pass}@`);
          expect(out).not.toContain('#');
        },
      ),
      { numRuns: 300 },
    );
  });
});
