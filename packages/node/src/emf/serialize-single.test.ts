import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeGeneral } from './serialize-emf';
import { serializeSingle } from './serialize-single';
import { EMF_UNITS, type EmfInput } from './types';

const units: ReadonlySet<string> = new Set(EMF_UNITS);
const name = fc.oneof(
  fc.constantFrom('service', 'region', 'Latency', 'a/b', 'x y'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const input: fc.Arbitrary<EmfInput> = fc
  .record({
    namespace: fc.string({ minLength: 1, maxLength: 20 }),
    dims: fc.uniqueArray(fc.tuple(name, fc.string({ minLength: 1, maxLength: 10 })), {
      maxLength: 5,
      selector: (t) => t[0],
    }),
    metrics: fc.uniqueArray(
      fc.record({
        name,
        unit: fc.constantFrom(...EMF_UNITS),
        value: fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.array(fc.integer(), { minLength: 1, maxLength: 5 }),
        ),
        storageResolution: fc.constantFrom(1 as const, 60 as const, undefined),
      }),
      { minLength: 1, maxLength: 8, selector: (m) => m.name },
    ),
    props: fc.dictionary(name, fc.jsonValue(), { maxKeys: 3 }),
  })
  .map(({ namespace, dims, metrics, props }) => ({
    namespace,
    dimensionSets: dims.length ? [dims.map(([k]) => k), dims.slice(0, 1).map(([k]) => k)] : [],
    dimensions: Object.fromEntries(dims),
    metrics,
    properties: props,
    timestamp: 1_795_748_400_000,
  }));

describe('serializeSingle (fast path)', () => {
  it('produces the same document as the general path whenever it applies', () => {
    let applied = 0;
    fc.assert(
      fc.property(input, (i) => {
        const fast = serializeSingle(i, units);
        if (fast === undefined) return;
        applied++;
        const general = serializeGeneral(i);
        expect(general).toHaveLength(1);
        expect(JSON.parse(fast)).toEqual(JSON.parse(general[0] as string));
        expectValidEmf(fast);
      }),
      { numRuns: 400 },
    );
    // Positive control: the comparison really ran for most generated inputs.
    expect(applied).toBeGreaterThan(100);
  });

  it('declines inputs that need splitting or skipping', () => {
    const base: EmfInput = {
      namespace: 'N',
      dimensionSets: [['a']],
      dimensions: { a: 'x' },
      metrics: [{ name: 'M', unit: 'Count', value: 1 }],
    };
    expect(serializeSingle(base, units)).toBeDefined();
    expect(serializeSingle({ ...base, dimensions: {} }, units)).toBeUndefined();
    expect(
      serializeSingle({ ...base, metrics: [{ name: 'M', unit: 'Count', value: Number.NaN }] }, units),
    ).toBeUndefined();
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `m${i}`, unit: 'Count', value: 1 }));
    expect(serializeSingle({ ...base, metrics: many }, units)).toBeUndefined();
    expect(serializeSingle({ ...base, properties: { big: 1n } }, units)).toBeUndefined();
  });
});
