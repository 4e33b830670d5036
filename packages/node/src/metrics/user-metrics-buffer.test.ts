import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../test/collect';
import { addToBuffer, createBuffer, flushBuffer, MAX_ADDS_PER_BUFFER } from './user-metrics-buffer';

function buffer(namespace = 'Shop') {
  const out = createCollector();
  const b = createBuffer(
    { namespace, defaultDimensions: { service: 'cart' }, stdout: out },
    { requestId: 'r-1' },
  );
  return { b, out };
}

describe('user metrics buffer', () => {
  it('refuses, like aws-embedded-metrics would, samples that cannot make a valid document', () => {
    const { b, out } = buffer();
    // Positive control: a valid sample is kept and written.
    expect(addToBuffer(b, 'Orders', 1, 'Count', { region: 'eu' })).toBe(true);
    expect(addToBuffer(b, 'region', 1, 'Count', { region: 'eu' })).toBe(false); // would overwrite the dimension
    expect(addToBuffer(b, '   ', 1, 'Count', undefined)).toBe(false);
    expect(addToBuffer(b, '_aws', 1, 'Count', undefined)).toBe(false);
    expect(addToBuffer(b, 'Big', Number.MAX_SAFE_INTEGER + 2, 'Count', undefined)).toBe(false);
    expect(addToBuffer(b, 'Nan', Number.NaN, 'Count', undefined)).toBe(false);
    expect(addToBuffer(b, 'Accent', 1, 'Count', { city: 'Zürich' })).toBe(false);
    expect(addToBuffer(b, 'Blank', 1, 'Count', { city: '  ' })).toBe(false);
    expect(addToBuffer(b, 'Colon', 1, 'Count', { ':city': 'x' })).toBe(false);
    expect(addToBuffer(b, 'LongKey', 1, 'Count', { ['k'.repeat(251)]: 'x' })).toBe(false);
    expect(flushBuffer(b)).toBeUndefined();
    const docs = out.lines().map(expectValidEmf);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ Orders: 1, region: 'eu', requestId: 'r-1' });
    for (const name of ['Big', 'Nan', 'Accent', 'Blank', 'Colon', 'LongKey'])
      expect(docs[0]).not.toHaveProperty(name);
  });

  it('follows a dimensions object the handler changes between adds (the validated records are memoized)', () => {
    const { b, out } = buffer();
    const dims: Record<string, string> = { region: 'eu' };
    addToBuffer(b, 'Orders', 1, 'Count', dims);
    dims.region = 'us';
    addToBuffer(b, 'Orders', 2, 'Count', dims);
    dims.tier = 'gold';
    addToBuffer(b, 'Orders', 3, 'Count', dims);
    addToBuffer(b, 'Orders', 4, 'Count', { tier: 'gold', region: 'us' });
    dims.region = 'Zürich';
    expect(addToBuffer(b, 'Orders', 5, 'Count', dims)).toBe(false);
    flushBuffer(b);
    const docs = out.lines().map(expectValidEmf);
    expect(docs.map((d) => [d.region, d.tier, d.Orders])).toEqual([
      ['eu', undefined, 1],
      ['us', undefined, 2],
      ['us', 'gold', [3, 4]],
    ]);
    // A second flush of the same shapes renders through the compiled documents: same bytes but the values.
    out.clear();
    addToBuffer(b, 'Orders', 9, 'Count', { region: 'eu' });
    flushBuffer(b);
    expect(out.lines().map(expectValidEmf)).toMatchObject([{ region: 'eu', Orders: 9 }]);
  });

  it('drops everything under a namespace aws-embedded-metrics refuses', () => {
    const bad = buffer('Shop!');
    expect(addToBuffer(bad.b, 'Orders', 1, 'Count', undefined)).toBe(false);
    expect(flushBuffer(bad.b)).toBeUndefined();
    expect(bad.out.lines()).toEqual([]);
    const good = buffer('Shop/Orders');
    expect(addToBuffer(good.b, 'Orders', 1, 'Count', undefined)).toBe(true);
    flushBuffer(good.b);
    expect(good.out.lines()).toHaveLength(1);
  });

  it('keeps the first unit of a name, ignores dimension values of other types, and caps adds', () => {
    const { b, out } = buffer();
    addToBuffer(b, 'Latency', 1, 'Milliseconds', { api: 'a', n: 3 as unknown as string });
    addToBuffer(b, 'Latency', 2, 'Seconds', { api: 'a' });
    for (let i = 0; i < MAX_ADDS_PER_BUFFER; i++) addToBuffer(b, 'Spam', i, 'Count', undefined);
    expect(addToBuffer(b, 'Late', 1, 'Count', undefined)).toBe(false);
    flushBuffer(b);
    const docs = out.lines().map(expectValidEmf);
    const latency = docs.find((d) => 'Latency' in d) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Metrics: unknown[] }[] };
    };
    expect(latency).toMatchObject({ api: 'a', Latency: [1, 2] });
    expect(latency).not.toHaveProperty('n');
    expect(latency._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'Latency', Unit: 'Milliseconds' }]);
    const spam = docs.filter((d) => 'Spam' in d).flatMap((d) => d.Spam as number[]);
    expect(spam).toHaveLength(MAX_ADDS_PER_BUFFER - 2);
    expect(docs.some((d) => 'Late' in d)).toBe(false);
    // Flushing empties the buffer and resets the cap.
    out.clear();
    expect(flushBuffer(b)).toBeUndefined();
    expect(out.lines()).toEqual([]);
    expect(addToBuffer(b, 'Late', 1, 'Count', undefined)).toBe(true);
  });

  it('leaves a failing sink to the one guard of the entry point, and the buffer is still emptied', () => {
    const b = createBuffer({
      namespace: 'Shop',
      defaultDimensions: {},
      stdout: {
        write() {
          throw new Error('EPIPE');
        },
      },
    });
    addToBuffer(b, 'Orders', 1, 'Count', undefined);
    // No nested catch here: `metrics.flush` and the wrapper's finish guard (and report) once.
    expect(() => flushBuffer(b)).toThrow('EPIPE');
    expect(b.records.size).toBe(0);
  });
});
