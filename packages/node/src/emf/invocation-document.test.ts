import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { createMetricsLogger, StorageResolution, type Unit } from 'aws-embedded-metrics';
import { describe, expect, it, vi } from 'vitest';
import { createInvocationDocument, type InvocationValues } from './invocation-document';
import { serializeEmf } from './serialize-emf';
import type { EmfInput } from './types';

/** What aws-embedded-metrics itself writes to stdout (Local environment) for the same input. */
async function viaAwsEmbeddedMetrics(input: EmfInput): Promise<string[]> {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const m = createMetricsLogger();
    m.setNamespace(input.namespace);
    m.setDimensions(
      input.dimensionSets.map((set) =>
        Object.fromEntries(set.map((k) => [k, input.dimensions[k] as string])),
      ),
    );
    for (const [k, v] of Object.entries(input.properties ?? {})) m.setProperty(k, v);
    for (const metric of input.metrics) {
      const values = Array.isArray(metric.value) ? metric.value : [metric.value];
      for (const v of values) {
        m.putMetric(
          metric.name,
          v,
          metric.unit as Unit,
          metric.storageResolution === 1 ? StorageResolution.High : undefined,
        );
      }
    }
    if (input.timestamp !== undefined) m.setTimestamp(input.timestamp);
    await m.flush();
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

/** JSON.parse, drop the Timestamp, and sort each directive's Metrics by name (their order has no meaning). */
function normalize(line: string): unknown {
  const doc = JSON.parse(line) as {
    _aws: { Timestamp?: number; CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
  };
  delete doc._aws.Timestamp;
  for (const d of doc._aws.CloudWatchMetrics) d.Metrics.sort((a, b) => a.Name.localeCompare(b.Name));
  return doc;
}

const NOW = Date.now();
const identity = { namespace: 'UserMetrics/Lambda', functionName: 'orders-api', environment: 'production' };
const cases: [string, InvocationValues][] = [
  [
    'warm success without route',
    { timestamp: NOW + 0, coldStart: false, durationMs: 12.5, requestId: 'r-1' },
  ],
  [
    'cold success with route and session',
    {
      timestamp: NOW + 1,
      coldStart: true,
      initDurationMs: 180.25,
      durationMs: 3,
      route: 'GET /users/{id}',
      requestId: 'r-2',
      sessionId: '0190a3c2-6f1e-7b2a-9c4d-1234567890ab',
    },
  ],
  [
    'warm failure with route',
    { timestamp: NOW + 2, coldStart: false, durationMs: 0.75, route: '/orders', errorType: 'TypeError' },
  ],
];

describe('createInvocationDocument', () => {
  it.each(cases)(
    'renders valid EMF equal to serializeEmf and to aws-embedded-metrics (%s)',
    async (_name, values) => {
      const doc = createInvocationDocument(identity);
      const lines = doc.render(values).split('\n').filter(Boolean);
      const inputs = doc.inputs(values);
      expect(lines).toHaveLength(inputs.length);
      for (const [i, input] of inputs.entries()) {
        const line = lines[i] as string;
        expectValidEmf(line);
        const ours = serializeEmf(input);
        expect(ours).toHaveLength(1);
        expect(JSON.parse(line)).toEqual(JSON.parse(ours[0] as string));
        const theirs = await viaAwsEmbeddedMetrics(input);
        expect(theirs).toHaveLength(1);
        for (const l of theirs) expectValidEmf(l);
        expect(normalize(line)).toEqual(normalize(theirs[0] as string));
      }
    },
  );

  it('writes InitDuration only on cold starts and the errorType document only on failure', () => {
    const doc = createInvocationDocument(identity);
    const cold = doc.render({ timestamp: 1, coldStart: true, initDurationMs: 100, durationMs: 1 });
    const warm = doc.render({ timestamp: 1, coldStart: false, initDurationMs: 100, durationMs: 1 });
    const failed = doc.render({ timestamp: 1, coldStart: false, durationMs: 1, errorType: 'Other' });
    for (const line of `${cold}${warm}${failed}`.trim().split('\n')) expectValidEmf(line);
    expect(JSON.parse(cold)).toMatchObject({ ColdStart: 1, InitDuration: 100, Errors: 0 });
    expect(JSON.parse(warm)).toMatchObject({ ColdStart: 0 });
    expect(JSON.parse(warm)).not.toHaveProperty('InitDuration');
    const failedLines = failed.trim().split('\n');
    expect(failedLines.map((l) => JSON.parse(l))).toMatchObject([
      { Errors: 1 },
      { Errors: 1, errorType: 'Other' },
    ]);
  });

  it('also matches serializeEmf for many arbitrary values', () => {
    const doc = createInvocationDocument({ ...identity, functionName: 'fn "quoted" \\ ünïcode' });
    for (let i = 0; i < 200; i++) {
      const values: InvocationValues = {
        timestamp: NOW + 0 + i,
        coldStart: i % 7 === 0,
        initDurationMs: i % 7 === 0 ? i * 3.3 : undefined,
        durationMs: Math.random() * 1000,
        route: i % 3 === 0 ? `/r/${i}"\n` : undefined,
        errorType: i % 5 === 0 ? 'RangeError' : undefined,
        requestId: `req-${i}`,
      };
      const lines = doc.render(values).split('\n').filter(Boolean);
      for (const line of lines) expectValidEmf(line);
      const expected = doc.inputs(values).flatMap((input) => serializeEmf(input));
      expect(lines.map((l) => JSON.parse(l))).toEqual(expected.map((l) => JSON.parse(l)));
    }
  });

  it('writes through writeAscii only when every byte is ASCII, else through write, with the same text', () => {
    const calls: { via: string; text: string }[] = [];
    const sink = {
      write: (text: string) => calls.push({ via: 'write', text }),
      writeAscii: (text: string) => calls.push({ via: 'writeAscii', text }),
    };
    const plain: InvocationValues = { timestamp: 1, coldStart: false, durationMs: 1, requestId: 'r-1' };
    const doc = createInvocationDocument(identity);
    doc.write(plain, sink);
    doc.write({ ...plain, requestId: 'r-é' }, sink);
    doc.write({ ...plain, route: 'GET /ünï' }, sink);
    doc.write({ ...plain, sessionId: 's-✓' }, sink);
    createInvocationDocument({ ...identity, environment: 'prød' }).write(plain, sink);
    expect(calls.map((c) => c.via)).toEqual(['writeAscii', 'write', 'write', 'write', 'write']);
    expect(calls[0]?.text).toBe(doc.render(plain));
    expect(calls[1]?.text).toBe(doc.render({ ...plain, requestId: 'r-é' }));
    // A sink without writeAscii always gets write.
    const lines: string[] = [];
    doc.write(plain, { write: (text) => lines.push(text) });
    expect(lines).toEqual([doc.render(plain)]);
  });
});
