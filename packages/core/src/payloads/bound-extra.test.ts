import { describe, expect, it } from 'vitest';
import { LIMITS } from '../constants';
import { utf8ByteLength } from '../ids/ids';
import { boundExtra } from './bound-extra';

const size = (v: unknown) => utf8ByteLength(JSON.stringify(v));

describe('boundExtra', () => {
  it('keeps a small object as it is, redacting sensitive keys and PII', () => {
    const out = boundExtra({ orderId: 42, ok: true, password: 'hunter2', note: 'mail jane@example.com' });

    expect(out).toEqual({ orderId: 42, ok: true, password: '[REDACTED]', note: 'mail [REDACTED]' });
  });

  it('keeps 20 keys per object and summarises the rest', () => {
    const input = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));

    const out = boundExtra(input) ?? {};

    expect(Object.keys(out).filter((k) => k !== '…')).toHaveLength(LIMITS.maxExtraKeys);
    expect(out['…']).toBe('[+10 more]');
  });

  it('cuts nesting below depth 3', () => {
    const out = boundExtra({ a: { b: { c: { d: 1 }, keep: 2 } } });

    expect(out).toEqual({ a: { b: { c: '[MaxDepth]', keep: 2 } } });
  });

  it('fits the JSON into 2 KB by dropping the last top-level keys, and says how many', () => {
    const input = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(400)]));
    expect(size(input)).toBeGreaterThan(LIMITS.maxExtraBytes); // the input really is over the limit

    const out = boundExtra(input) ?? {};

    expect(size(out)).toBeLessThanOrEqual(LIMITS.maxExtraBytes);
    expect(out.k0).toBe('x'.repeat(400));
    const kept = Object.keys(out).length - 1;
    expect(out['…']).toBe(`[+${10 - kept} more]`);
  });

  it.each([[null], [[1, 2]], ['text'], [7]])('returns undefined for a non-object (%j)', (input) => {
    expect(boundExtra(input)).toBeUndefined();
  });
});
