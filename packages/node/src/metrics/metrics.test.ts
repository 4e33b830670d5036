import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext, testClock } from '../../test/lambda-fixtures';
import { createStdout } from '../../test/stdout-lines';
import { withUsermetrics } from '../wrapper/with-usermetrics';
import { metrics } from './metrics';

type Doc = Record<string, unknown> & {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
};

function wrap(body: () => void) {
  const stdout = createStdout();
  const handler = withUsermetrics(
    async () => {
      body();
      return 'ok';
    },
    { functionName: 'fn', environment: 'test', metricsNamespace: 'Custom', stdout, clock: testClock() },
  );
  const userDocs = () =>
    stdout.emf().filter((d) => (d as Doc)._aws.CloudWatchMetrics[0]?.Namespace === 'Custom') as Doc[];
  return { handler, userDocs };
}

describe('metrics (user metrics over aws-embedded-metrics)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('splits more than 100 metrics into several valid documents without losing one', async () => {
    const { handler, userDocs } = wrap(() => {
      for (let i = 0; i < 230; i++) metrics.add(`Metric${i}`, i, 'Count');
    });
    await handler({}, lambdaContext());
    const docs = userDocs();
    expect(docs.length).toBe(3);
    const names = docs.flatMap((d) => d._aws.CloudWatchMetrics.flatMap((c) => c.Metrics.map((m) => m.Name)));
    expect(new Set(names).size).toBe(230);
    for (const d of docs) expect(d._aws.CloudWatchMetrics[0]?.Metrics.length).toBeLessThanOrEqual(100);
  });

  it('splits a dimension record over 30 keys into several valid documents', async () => {
    const dims = Object.fromEntries(
      Array.from({ length: 45 }, (_, i) => [`dim${String(i).padStart(2, '0')}`, `v${i}`]),
    );
    const { handler, userDocs } = wrap(() => metrics.add('Wide', 1, 'Count', dims));
    await handler({}, lambdaContext());
    const docs = userDocs();
    expect(docs).toHaveLength(2);
    const keys = docs.flatMap((d) => d._aws.CloudWatchMetrics[0]?.Dimensions.flat() ?? []);
    expect(keys.sort()).toEqual(Object.keys(dims).sort());
    for (const d of docs) expect(d.Wide).toBe(1);
  });

  it('keeps repeated samples and separates different dimension values', async () => {
    const { handler, userDocs } = wrap(() => {
      metrics.add('Latency', 10, 'Milliseconds', { api: 'a' });
      metrics.add('Latency', 20, 'Milliseconds', { api: 'a' });
      metrics.add('Latency', 30, 'Milliseconds', { api: 'b' });
      metrics.add('Bad', Number.NaN);
      metrics.add('', 1);
      metrics.add('Weird', 1, 'Parsecs');
    });
    await handler({}, lambdaContext());
    const docs = userDocs();
    expect(docs).toContainEqual(expect.objectContaining({ api: 'a', Latency: [10, 20] }));
    expect(docs).toContainEqual(expect.objectContaining({ api: 'b', Latency: 30 }));
    const weird = docs.find((d) => 'Weird' in d);
    expect(weird?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'Weird', Unit: 'None' }]);
    expect(docs.some((d) => 'Bad' in d)).toBe(false);
  });

  it('outside an invocation buffers until metrics.flush(), through aws-embedded-metrics (Local env → console)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    metrics.add('BackgroundJobs', 3, 'Count', { job: 'cleanup' });
    expect(log).not.toHaveBeenCalled();
    await metrics.flush();
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines).toHaveLength(1);
    expect(expectValidEmf(lines[0] as string)).toMatchObject({ job: 'cleanup', BackgroundJobs: 3 });
    await metrics.flush();
    expect(log).toHaveBeenCalledTimes(1);
  });
});
