import { expectValidEmf, validateEmfLine } from '@usermetrics/test-support/emf-schema';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../test/collect';
import { serializeEmf } from './serialize-emf';
import type { EmfInput } from './types';
import { writeEmf } from './write-emf';

const base: EmfInput = {
  namespace: 'Shop',
  dimensionSets: [['service'], ['service', 'region']],
  dimensions: { service: 'cart', region: 'eu' },
  metrics: [
    { name: 'ItemsAdded', unit: 'Count', value: 2 },
    { name: 'Latency', unit: 'Milliseconds', value: [1, 2.5], storageResolution: 1 },
  ],
  properties: { requestId: 'r-1', nested: { a: 1 } },
  timestamp: 1_767_225_600_000,
};

describe('serializeEmf', () => {
  it('writes one valid, newline-terminated document with every key as a root member', () => {
    const docs = serializeEmf(base);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.endsWith('}\n')).toBe(true);
    const doc = expectValidEmf(docs[0] as string);
    expect(doc).toEqual({
      _aws: {
        Timestamp: 1_767_225_600_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Shop',
            Dimensions: [['service'], ['service', 'region']],
            Metrics: [
              { Name: 'ItemsAdded', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds', StorageResolution: 1 },
            ],
          },
        ],
      },
      service: 'cart',
      region: 'eu',
      requestId: 'r-1',
      nested: { a: 1 },
      ItemsAdded: 2,
      Latency: [1, 2.5],
    });
  });

  it('splits more than 100 metrics into several valid documents and loses none', () => {
    const metrics = Array.from({ length: 250 }, (_, i) => ({ name: `M${i}`, unit: 'Count', value: i }));
    const docs = serializeEmf({ ...base, metrics });
    expect(docs).toHaveLength(3);
    const names = docs.flatMap((d) => {
      const doc = expectValidEmf(d) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
      return doc._aws.CloudWatchMetrics.flatMap((c) => c.Metrics.map((m) => m.Name));
    });
    expect(new Set(names).size).toBe(250);
  });

  it('spreads a metric with more than 100 values over several documents', () => {
    const values = Array.from({ length: 230 }, (_, i) => i);
    const docs = serializeEmf({ ...base, metrics: [{ name: 'Sizes', unit: 'Bytes', value: values }] });
    expect(docs).toHaveLength(3);
    const all = docs.flatMap((d) => {
      const v = expectValidEmf(d).Sizes;
      return Array.isArray(v) ? v : [v];
    });
    expect(all).toEqual(values);
  });

  it('splits dimension sets that use more than 30 keys into several valid documents', () => {
    const keys = Array.from({ length: 45 }, (_, i) => `d${i}`);
    const dimensions = Object.fromEntries(keys.map((k) => [k, `v-${k}`]));
    const docs = serializeEmf({ ...base, dimensionSets: [keys], dimensions });
    expect(docs).toHaveLength(2);
    const seen = docs.flatMap((d) => {
      const doc = expectValidEmf(d) as { _aws: { CloudWatchMetrics: { Dimensions: string[][] }[] } };
      return doc._aws.CloudWatchMetrics[0]?.Dimensions.flat() ?? [];
    });
    expect(seen.sort()).toEqual([...keys].sort());
  });

  it('skips invalid parts instead of writing an invalid document', () => {
    const docs = serializeEmf({
      ...base,
      dimensionSets: [['service'], ['missing']],
      metrics: [
        { name: 'Good', unit: 'Furlongs', value: 1 },
        { name: '', unit: 'Count', value: 1 },
        { name: 'NaN', unit: 'Count', value: Number.NaN },
        { name: 'Good', unit: 'Count', value: 2 },
      ],
      properties: { _aws: 'hijack', Good: 'shadow', big: 5n },
    });
    expect(docs).toHaveLength(1);
    const doc = expectValidEmf(docs[0] as string);
    expect(doc.Good).toBe(1);
    expect(doc.big).toBe('5');
    expect(doc._aws).toMatchObject({
      CloudWatchMetrics: [{ Dimensions: [['service']], Metrics: [{ Name: 'Good', Unit: 'None' }] }],
    });
  });

  it('returns nothing for an invalid namespace or no metrics, and never throws', () => {
    expect(serializeEmf({ ...base, namespace: '' })).toEqual([]);
    expect(serializeEmf({ ...base, namespace: 'x'.repeat(256) })).toEqual([]);
    expect(serializeEmf({ ...base, metrics: [] })).toEqual([]);
    expect(serializeEmf(null as unknown as EmfInput)).toEqual([]);
    // Positive control: the same input with a valid namespace does produce a document.
    expect(serializeEmf({ ...base, namespace: 'x'.repeat(255) })).toHaveLength(1);
  });

  it('the schema rejects documents that break the specification', () => {
    const good = serializeEmf(base)[0] as string;
    expect(validateEmfLine(good)).toEqual([]);
    const doc = JSON.parse(good);
    delete doc.service;
    expect(validateEmfLine(JSON.stringify(doc)).join()).toContain('dimension service');
    const tooMany = JSON.parse(good);
    tooMany._aws.CloudWatchMetrics[0].Metrics = Array.from({ length: 101 }, (_, i) => ({ Name: `m${i}` }));
    expect(validateEmfLine(JSON.stringify(tooMany)).length).toBeGreaterThan(0);
    expect(validateEmfLine('{"_aws":{}}').length).toBeGreaterThan(0);
    expect(validateEmfLine('not json')[0]).toMatch(/not JSON/);
  });
});

describe('writeEmf', () => {
  it('writes all documents of one emission in a single write', () => {
    const out = createCollector();
    const metrics = Array.from({ length: 150 }, (_, i) => ({ name: `M${i}`, unit: 'Count', value: 1 }));
    writeEmf({ ...base, metrics }, out);
    expect(out.chunks).toHaveLength(1);
    const lines = out.lines();
    expect(lines).toHaveLength(2);
    for (const line of lines) expectValidEmf(line);
  });

  it('never throws when stdout throws', () => {
    const out = {
      write() {
        throw new Error('EPIPE');
      },
    };
    expect(() => writeEmf(base, out)).not.toThrow();
  });
});
