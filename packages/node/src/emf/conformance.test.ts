import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { createMetricsLogger, type Unit } from 'aws-embedded-metrics';
import { describe, expect, it, vi } from 'vitest';
import { serializeEmf } from './serialize-emf';
import type { EmfInput } from './types';

// The package's one EMF engine against aws-embedded-metrics' own serializer (its Local environment writes
// each document with console.log), beyond the limits of one document: > 100 metrics, a metric repeated
// > 100 times, > 30 dimension keys. DESIGN §3: limits are honoured by splitting into several documents.

/** What aws-embedded-metrics writes for `input`, one logger per ≤ 30-key dimension record (its own limit). */
async function viaLibrary(input: EmfInput): Promise<string[]> {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const keys = input.dimensionSets[0] ?? [];
    for (let i = 0; i < keys.length || i === 0; i += 30) {
      const m = createMetricsLogger();
      m.setNamespace(input.namespace);
      m.setDimensions(
        Object.fromEntries(keys.slice(i, i + 30).map((k) => [k, input.dimensions[k] as string])),
      );
      for (const [k, v] of Object.entries(input.properties ?? {})) m.setProperty(k, v);
      for (const metric of input.metrics)
        for (const v of Array.isArray(metric.value) ? metric.value : [metric.value])
          m.putMetric(metric.name, v, metric.unit as Unit);
      m.setTimestamp(input.timestamp ?? 0);
      await m.flush();
    }
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

type Doc = Record<string, unknown> & {
  _aws: { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string; Unit?: string }[] }[] };
};

/** What CloudWatch extracts, whatever the split: per dimension record, each metric's unit and values. */
function extracted(lines: string[]): Record<string, Record<string, { unit?: string; values: number[] }>> {
  const out: Record<string, Record<string, { unit?: string; values: number[] }>> = {};
  for (const line of lines) {
    const doc = expectValidEmf(line) as Doc;
    for (const directive of doc._aws.CloudWatchMetrics) {
      const record = directive.Dimensions.map((set) =>
        set.map((k) => `${k}=${String(doc[k])}`).join('&'),
      ).join('|');
      const metrics = out[record] ?? {};
      out[record] = metrics;
      for (const { Name, Unit } of directive.Metrics) {
        const v = doc[Name] as number | number[];
        const entry = metrics[Name] ?? { unit: Unit, values: [] };
        metrics[Name] = entry;
        entry.values.push(...(Array.isArray(v) ? v : [v]));
      }
    }
  }
  return out;
}

const keys = Array.from({ length: 42 }, (_, i) => `dim${i}`);
const big: EmfInput = {
  namespace: 'Shop/Orders',
  dimensionSets: [keys],
  dimensions: Object.fromEntries(keys.map((k, i) => [k, `value-${i}`])),
  metrics: [
    ...Array.from({ length: 150 }, (_, i) => ({ name: `Metric${i}`, unit: 'Count', value: i * 1.5 })),
    { name: 'Latency', unit: 'Milliseconds', value: Array.from({ length: 230 }, (_, i) => i) },
  ],
  properties: { requestId: 'r-1' },
  timestamp: Date.now(),
};

describe('the EMF engine against aws-embedded-metrics beyond one document', () => {
  it('splits > 100 metrics, > 100 values of one name and > 30 dimensions into valid documents CloudWatch reads alike', async () => {
    const ours = serializeEmf(big);
    const theirs = await viaLibrary(big);
    // Every document within the EMF limits (the schema checks ≤ 100 metrics, ≤ 30 keys, ≤ 100 values).
    for (const line of [...ours, ...theirs]) expectValidEmf(line);
    expect(ours.length).toBeGreaterThanOrEqual(4);
    const extractedOurs = extracted(ours);
    expect(extractedOurs).toEqual(extracted(theirs));
    // Both 30-key and 12-key records carry all 151 metrics and all 230 Latency samples.
    const records = Object.values(extractedOurs);
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(Object.keys(r)).toHaveLength(151);
      expect(r.Latency?.values).toHaveLength(230);
    }
  });

  it('the positive control: a mangled document of ours no longer compares equal', async () => {
    const theirs = extracted(await viaLibrary(big));
    const ours = serializeEmf(big);
    expect(extracted(ours)).toEqual(theirs);
    const mangled = ours.map((line, i) =>
      i === 1 ? line.replace('"Metric120":180', '"Metric120":181') : line,
    );
    expect(mangled).not.toEqual(ours);
    expect(extracted(mangled)).not.toEqual(theirs);
    const lostUnit = ours.map((line) => line.replace('"Unit":"Milliseconds"', '"Unit":"Seconds"'));
    expect(extracted(lostUnit)).not.toEqual(theirs);
  });
});
