import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { MetricsLogger } from 'aws-embedded-metrics';
import { LambdaEnvironment } from 'aws-embedded-metrics/lib/environment/LambdaEnvironment.js';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCollector } from '../../test/collect';
import { EMF_UNITS } from '../emf/types';
import { resolveEmitter, toMetricsLoggers } from './emit-user-metrics';
import { addToBuffer, type BufferedRecord, createBuffer, flushBuffer } from './user-metrics-buffer';

// The Lambda path writes to the shared stdout writer; collect it instead of fd 1.
const fd1 = createCollector();
vi.mock('../io/stdout', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../io/stdout')>()),
  defaultStdout: () => fd1,
}));

/** FC_RUNS_FACTOR=20 runs every property 20 times as often (done once locally before committing). */
const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'orders-api',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_LOG_STREAM_NAME: '2026/11/26/[$LATEST]abc',
  _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
};

type Json = Record<string, unknown> & {
  _aws: { Timestamp?: number; CloudWatchMetrics: { Metrics: { Name: string; Unit?: string }[] }[] };
};

interface Add {
  name: string;
  value: number;
  unit: string | undefined;
  dimensions: Record<string, string> | undefined;
}

// Names include characters JSON must escape; dimension keys and metric names never collide (the buffer
// refuses that, see the unit tests), nor do they collide with the properties.
const metricName = fc.oneof(
  fc.stringMatching(/^M[A-Za-z0-9_.:/-]{0,12}$/),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => `M"${s}\\é`),
);
const value = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
const unit = fc.oneof(fc.constantFrom(...EMF_UNITS), fc.constant(undefined), fc.constant('Parsecs'));
const dimensionRecord = fc.dictionary(
  fc.stringMatching(/^d[A-Za-z0-9_.-]{0,10}$/),
  fc.stringMatching(/^[A-Za-z0-9 _./:-]{0,14}[A-Za-z0-9]$/),
  { minKeys: 0, maxKeys: 45 },
);

/** A few names and dimension records reused across many adds, so values repeat and records group. */
const addCalls = fc
  .record({
    names: fc.uniqueArray(metricName, { minLength: 1, maxLength: 8 }),
    records: fc.array(fc.option(dimensionRecord, { nil: undefined }), { minLength: 1, maxLength: 3 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), value, unit), { minLength: 1, maxLength: 60 }),
  })
  .map(({ names, records, picks }) =>
    picks.map(
      ([n, r, v, u]): Add => ({
        name: names[n % names.length] as string,
        value: v,
        unit: u,
        dimensions: records[r % records.length],
      }),
    ),
  );

/** Over 100 distinct names, and one name with over 100 values, so both splits happen. */
const bigCalls = fc
  .record({
    distinct: fc.integer({ min: 95, max: 240 }),
    repeats: fc.integer({ min: 1, max: 260 }),
    dimensions: fc.option(dimensionRecord, { nil: undefined }),
    v: value,
  })
  .map(({ distinct, repeats, dimensions, v }) => {
    const calls: Add[] = [];
    for (let i = 0; i < distinct; i++)
      calls.push({ name: `Metric${i}`, value: v + i, unit: 'Count', dimensions });
    for (let i = 0; i < repeats; i++)
      calls.push({ name: 'Latency', value: i, unit: 'Milliseconds', dimensions });
    return calls;
  });

const properties = fc.option(fc.constant('0190a3c2-6f1e-7b2a-9c4d-1234567890ab'), { nil: undefined });

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Documents grouped by everything but their metrics (timestamp dropped), with each metric's unit and its
 * values concatenated in document order: what CloudWatch extracts, whatever the split.
 */
function extracted(
  lines: string[],
): Map<string, Map<string, { unit: string | undefined; values: number[] }>> {
  const groups = new Map<string, Map<string, { unit: string | undefined; values: number[] }>>();
  for (const line of lines) {
    const doc = JSON.parse(line) as Json;
    const directive = doc._aws.CloudWatchMetrics[0];
    const head: Record<string, unknown> = { ...doc, _aws: { ...doc._aws } };
    delete (head._aws as Json['_aws']).Timestamp;
    (head._aws as Json['_aws']).CloudWatchMetrics = [{ ...directive, Metrics: [] }];
    for (const m of directive?.Metrics ?? []) delete head[m.Name];
    const key = canonical(head);
    const metrics = groups.get(key) ?? new Map<string, { unit: string | undefined; values: number[] }>();
    groups.set(key, metrics);
    for (const m of directive?.Metrics ?? []) {
      const v = doc[m.Name] as number | number[];
      const entry = metrics.get(m.Name) ?? { unit: m.Unit, values: [] };
      entry.values.push(...(Array.isArray(v) ? v : [v]));
      metrics.set(m.Name, entry);
    }
  }
  return groups;
}

/** Single-document case: the parsed document without its timestamp and with its directive sorted. */
function normalized(line: string): unknown {
  const doc = JSON.parse(line) as Json;
  delete doc._aws.Timestamp;
  for (const d of doc._aws.CloudWatchMetrics) d.Metrics.sort((a, b) => (a.Name < b.Name ? -1 : 1));
  return doc;
}

/** What aws-embedded-metrics' Lambda environment (ConsoleSink → LogSerializer) prints for the same contexts. */
async function viaLibrary(props: Record<string, string>, records: BufferedRecord[]): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const env = new LambdaEnvironment();
    const loggers = toMetricsLoggers(() => new MetricsLogger(async () => env), 'Shop/Orders', props, records);
    for (const l of loggers) await l.flush();
    return log.mock.calls.map((c) => String(c[0]));
  } finally {
    log.mockRestore();
  }
}

async function compare(calls: Add[], sessionId: string | undefined): Promise<void> {
  const props: Record<string, string> = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' };
  if (sessionId !== undefined) props.sessionId = sessionId;
  const buffer = createBuffer(
    { namespace: 'Shop/Orders', defaultDimensions: { functionName: 'orders-api', environment: 'prod' } },
    props,
  );
  for (const c of calls) expect(addToBuffer(buffer, c.name, c.value, c.unit, c.dimensions)).toBe(true);
  const records = [...buffer.records.values()].map((r) => ({
    ...r,
    metrics: new Map([...r.metrics].map(([k, m]) => [k, { unit: m.unit, values: [...m.values] }])),
  }));
  fd1.clear();
  expect(flushBuffer(buffer)).toBeUndefined(); // synchronous: nothing left to await in Lambda
  const ours = fd1.lines();
  const theirs = await viaLibrary(props, records);
  for (const line of ours) expectValidEmf(line);
  expect(ours.length).toBeGreaterThan(0);
  expect(extracted(ours)).toEqual(extracted(theirs));
  // Without a split the documents themselves are equal, not just what CloudWatch extracts from them.
  if (ours.length === records.length && theirs.length === records.length) {
    expect(ours.map(normalized).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1))).toEqual(
      theirs.map(normalized).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)),
    );
  }
}

describe('user metrics: our Lambda path against aws-embedded-metrics', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_EMF_ENVIRONMENT', undefined);
    vi.stubEnv('AWS_LAMBDA_LOG_FORMAT', undefined);
    for (const [k, v] of Object.entries(LAMBDA_ENV)) vi.stubEnv(k, v);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('writes what the library writes, including its Lambda properties (generated adds)', async () => {
    await fc.assert(
      fc.asyncProperty(addCalls, properties, (calls, sessionId) => compare(calls, sessionId)),
      { numRuns: 150 * FACTOR },
    );
  });

  it('splits > 100 metrics, > 100 values and > 30 dimensions into valid documents the way CloudWatch reads the library', async () => {
    await fc.assert(
      fc.asyncProperty(bigCalls, properties, (calls, sessionId) => compare(calls, sessionId)),
      { numRuns: 25 * FACTOR },
    );
  });

  it('the positive control: the comparison sees a different value, unit or property', async () => {
    const props = { requestId: 'r-1' };
    const buffer = createBuffer({ namespace: 'Shop/Orders', defaultDimensions: { fn: 'x' } }, props);
    addToBuffer(buffer, 'Orders', 2, 'Count', undefined);
    const records = [...buffer.records.values()];
    const theirs = await viaLibrary(props, records);
    fd1.clear();
    flushBuffer(buffer);
    const ours = fd1.lines();
    expect(ours.map(normalized)).toEqual(theirs.map(normalized));
    expect(ours[0]).toContain('"memorySize":"512"');
    const changed = [
      ours[0]?.replace('"Orders":2', '"Orders":3'),
      ours[0]?.replace('"Unit":"Count"', '"Unit":"None"'),
      ours[0]?.replace('"memorySize":"512"', '"memorySize":"1024"'),
    ] as string[];
    for (const line of changed) {
      expect(line).not.toBe(ours[0]);
      expect(extracted([line])).not.toEqual(extracted(theirs));
    }
  });
});

describe('resolveEmitter', () => {
  it.each([
    // Nothing configured, outside Lambda: stdout, never the library's network discovery (#17 bug 3).
    [{}, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: '' }, 'lambda'],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'f' }, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: 'Lambda' }, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: 'Local', AWS_LAMBDA_FUNCTION_NAME: 'f' }, 'library'],
    [{ AWS_EMF_ENVIRONMENT: 'Agent', AWS_LAMBDA_FUNCTION_NAME: 'f' }, 'library'],
    [{ AWS_EMF_ENVIRONMENT: 'EC2' }, 'library'],
    [{ AWS_EMF_ENVIRONMENT: 'ECS' }, 'library'],
    [{ AWS_EMF_ENVIRONMENT: 'Unknown', AWS_LAMBDA_FUNCTION_NAME: 'f' }, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: 'lambda', AWS_LAMBDA_FUNCTION_NAME: 'f' }, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: 'local' }, 'lambda'],
    [{ AWS_EMF_ENVIRONMENT: 'Unknown' }, 'lambda'],
  ] as const)('%j → %s', (env, expected) => {
    expect(resolveEmitter(env)).toBe(expected);
  });
});
