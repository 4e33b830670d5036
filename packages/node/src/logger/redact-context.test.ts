import { redact } from '@usermetrics/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContextRedactor } from './redact-context';

const key = fc.oneof(
  fc.constantFrom(
    'password',
    'apiKey',
    'token',
    'tokenCount',
    'email',
    'user',
    'orderId',
    'x-api-key',
    'jane@example.com',
    '__proto__',
  ),
  fc.string({ maxLength: 10 }),
);
const text = fc.oneof(
  fc.constantFrom(
    'jane@example.com',
    'Bearer abc.def-123456',
    '4111 1111 1111 1111',
    'AKIAABCDEFGHIJKLMNOP',
    'o-12345',
    'plain',
  ),
  fc.string({ maxLength: 30 }),
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;

describe('createContextRedactor', { timeout: 30_000 }, () => {
  it('returns exactly what core redact() returns, for generated nested values', () => {
    const fast = createContextRedactor();
    fc.assert(
      fc.property(value, (v) => {
        expect(fast(v)).toEqual(redact(v));
        // Run twice: the second pass uses the cached key decisions.
        expect(fast(v)).toEqual(redact(v));
      }),
      { numRuns: 500 },
    );
  });

  it('honours extra sensitive keys, cycles, depth and shared references like core', () => {
    const fast = createContextRedactor(['orderSecret']);
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = {
      shared,
      again: shared,
      orderSecret: 'x',
      note: 'mail jane@example.com',
    };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 12; i++) deep = { deep };
    const input = { cyclic, deep, when: new Date(0), map: new Map([['k', 'v']]), big: 2n ** 70n, f: () => 1 };
    const expected = redact(input, { extraSensitiveKeys: ['orderSecret'] });
    expect(fast(input)).toEqual(expected);
    // Positive control: the values the assertion relies on really are redacted/marked in the output.
    expect(JSON.stringify(expected)).toContain('[Circular]');
    expect(JSON.stringify(expected)).toContain('[MaxDepth]');
    expect(JSON.stringify(expected)).not.toContain('jane@example.com');
  });
});
