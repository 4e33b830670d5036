import { LOOKALIKE_CORPUS } from '@usermetrics/test-support/lookalike-corpus';
import { PII_CORPUS } from '@usermetrics/test-support/pii-corpus';
import { describe, expect, it } from 'vitest';
import { redact } from './redact';

// JSON.stringify writes `{}` for an Error and throws on BigInt; the probe must see what a careless
// serializer downstream could still print, so it spells those out.
function probe(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Error) return { name: v.name, message: v.message, stack: v.stack };
    return typeof v === 'bigint' ? v.toString() : v;
  });
}

describe('PII corpus', () => {
  it('holds at least 60 samples', () => {
    expect(PII_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PII_CORPUS.map((sample) => [sample.name, sample] as const))(
    '%s: no secret survives',
    (_name, sample) => {
      const before = probe(sample.input);
      const after = probe(redact(sample.input));

      for (const secret of sample.secrets) {
        expect(before, 'positive control: the probe sees the secret in the input').toContain(secret);
        expect(after).not.toContain(secret);
      }
    },
  );

  it('redacts every sample in one payload too (zero leaks overall)', () => {
    const after = probe(
      redact(
        PII_CORPUS.map((sample) => sample.input),
        { maxKeys: 1000 },
      ),
    );
    const leaks = PII_CORPUS.flatMap((sample) => sample.secrets).filter((secret) => after.includes(secret));

    expect(leaks).toEqual([]);
  });
});

describe('look-alike corpus', () => {
  it('holds at least 30 samples', () => {
    expect(LOOKALIKE_CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(LOOKALIKE_CORPUS.map((sample) => [sample.name, sample] as const))(
    '%s: survives unchanged',
    (_name, sample) => {
      expect(redact(sample.input)).toEqual(sample.input);
    },
  );
});
