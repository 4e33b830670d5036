import { LOOKALIKE_CORPUS } from '@usermetrics/test-support/lookalike-corpus';
import { PII_CORPUS } from '@usermetrics/test-support/pii-corpus';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldPhoneNumber, redactPhoneNumbersAlways } from './redact-phone-numbers';
import { mayHoldSecret, redactPasses, redactText } from './redact-string';
import { toKeySet } from './sensitive-keys';

/** FC_RUNS_FACTOR=20 runs every property 20 times as often (done once locally before committing). */
const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);

/** Every string inside a corpus input (keys included), however deep. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Error) strings([value.message, value.stack], out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

const corpus = [
  ...PII_CORPUS.flatMap((sample) => strings(sample.input)),
  ...LOOKALIKE_CORPUS.flatMap((sample) => strings(sample.input)),
];

// The characters the passes key on, plus ordinary text around them.
const interesting = [
  ...'0123456789     --@:=%40.,/"\'&?#+_~',
  ...'bearerBASICbasicAKIAASIAeyJeyjIkpXVCJ9-----BEGIN PRIVATE KEY',
  ...'passwordtokenemailuserexample.comhttps://x',
  ...'()+ callphonetel: 415555013290123',
  'ü',
  '✓',
  '\n',
];
const pieces = fc.oneof(
  fc.string({ unit: fc.constantFrom(...interesting), maxLength: 40 }),
  // Slices of real secrets and look-alikes: the pre-check must hold for every part of them too.
  fc
    .tuple(fc.constantFrom(...corpus), fc.nat(), fc.nat())
    .map(([s, a, b]) =>
      s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1) || undefined),
    ),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...corpus),
);
const text = fc.array(pieces, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const extra = fc.constantFrom(undefined, toKeySet(['iban', 'x-internal']));

describe('redaction pre-check', () => {
  it('never changes a result: redactText with the pre-check equals every pass run unconditionally', () => {
    let skipped = 0;
    let redacted = 0;
    fc.assert(
      fc.property(text, extra, (s, keys) => {
        if (!mayHoldSecret(s) && !mayHoldPhoneNumber(s)) skipped++;
        // Every pass run unconditionally, the phone/SSN pass included (it runs after the others).
        const full = redactPhoneNumbersAlways(redactPasses(s, keys));
        if (full !== s) redacted++;
        expect(redactText(s, Number.POSITIVE_INFINITY, keys)).toBe(full);
      }),
      { numRuns: 4000 * FACTOR },
    );
    // Neither side is vacuous: many strings took the fast path, many were really redacted.
    expect(skipped).toBeGreaterThan(100 * FACTOR);
    expect(redacted).toBeGreaterThan(100 * FACTOR);
  });

  it('agrees on every string of the PII and look-alike corpora', () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const s of corpus) {
      expect(redactText(s, Number.POSITIVE_INFINITY, undefined)).toBe(
        redactPhoneNumbersAlways(redactPasses(s, undefined)),
      );
    }
  });

  it('positive control: the same property catches a pre-check that forgets card numbers', () => {
    const narrow = (s: string) => /[@:=]|%40|eyj|bearer|basic|a[ks]ia|-----/i.test(s);
    const result = fc.check(
      fc.property(text, (s) => (narrow(s) ? redactPasses(s, undefined) : s) === redactPasses(s, undefined)),
      { numRuns: 4000, seed: 42 },
    );
    expect(result.failed).toBe(true);
    expect(mayHoldSecret('paid with 4111 1111 1111 1111')).toBe(true);
    expect(narrow('paid with 4111 1111 1111 1111')).toBe(false);
  });

  it('lets ordinary log values through untouched and unscanned', () => {
    for (const s of [
      'order placed',
      'o-12345',
      'c-77',
      'pro',
      'GET /users/42',
      '2026-11-26',
      'build 20261126',
    ]) {
      expect(mayHoldSecret(s)).toBe(false);
      expect(redactText(s, 100, undefined)).toBe(s);
    }
    for (const s of ['a@b.co', 'k=v', 'x: y', 'Bearer abc', '4111-1111-1111-1111', 'AKIAIOSFODNN7EXAMPLE']) {
      expect(mayHoldSecret(s)).toBe(true);
    }
  });
});
