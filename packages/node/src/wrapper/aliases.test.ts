import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCollector } from '../../test/collect';
import { lambdaContext, testClock } from '../../test/lambda-fixtures';
import { createStdout } from '../../test/stdout-lines';
import { metrics } from '../metrics/metrics';
import { publishMetric, recordColdStart, withLogging, withMetrics } from './aliases';
import { withUsermetrics } from './with-usermetrics';

describe('reference aliases', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('withMetrics and withLogging instrument like withUsermetrics and pass errors through', async () => {
    for (const wrap of [withMetrics, withLogging]) {
      const stdout = createStdout();
      const original = new Error('x');
      const opts = { functionName: 'fn', environment: 'e', stdout, clock: testClock() };
      await expect(wrap(async () => 5, opts)({}, lambdaContext())).resolves.toBe(5);
      await expect(
        wrap(async () => {
          throw original;
        }, opts)({}, lambdaContext()),
      ).rejects.toBe(original);
      expect(stdout.emf().filter((d) => 'Invocations' in d)).toHaveLength(2);
      expect(stdout.logs()).toMatchObject([{ level: 'ERROR' }]);
    }
  });

  it('nested front doors on one invocation count it once; a different invocation inside is its own', async () => {
    const stdout = createStdout();
    const opts = { functionName: 'fn', environment: 'e', stdout, clock: testClock() };
    const original = new Error('inner');
    const nested = withMetrics(
      withLogging(async (event: { fail?: boolean }) => {
        if (event.fail) throw original;
        return 'ok';
      }, opts),
      opts,
    );
    await expect(nested({}, lambdaContext())).resolves.toBe('ok');
    await expect(nested({ fail: true }, lambdaContext())).rejects.toBe(original);
    const invocations = stdout.emf().filter((d) => 'Invocations' in d);
    expect(invocations).toHaveLength(2);
    expect(stdout.logs().filter((l) => l.level === 'ERROR')).toHaveLength(1);
    // Positive control: a wrapped handler called inside another invocation, with its own request id,
    // is instrumented as an invocation of its own.
    const other = withUsermetrics(async () => 'inner', opts);
    const outer = withUsermetrics(async () => other({}, lambdaContext()), opts);
    await outer({}, lambdaContext());
    expect(stdout.emf().filter((d) => 'Invocations' in d)).toHaveLength(4);
  });

  it('publishMetric adds a unit-less metric through the metrics API', async () => {
    const add = vi.spyOn(metrics, 'add');
    publishMetric('Signups', 2, { plan: 'pro' });
    expect(add).toHaveBeenCalledWith('Signups', 2, 'None', { plan: 'pro' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await metrics.flush();
    expect(expectValidEmf(String(log.mock.calls[0]?.[0]))).toMatchObject({ plan: 'pro', Signups: 2 });
  });

  it('recordColdStart writes ColdStart and InitDuration outside a wrapper, and nothing inside one', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'legacy-fn');
    const out = createCollector();
    recordColdStart(230.5, out);
    const [doc] = out.lines().map(expectValidEmf);
    expect(doc).toMatchObject({ functionName: 'legacy-fn', ColdStart: 1, InitDuration: 230.5 });
    recordColdStart(Number.NaN, out);
    const stdout = createStdout();
    await withMetrics(
      async () => {
        recordColdStart(10, out);
      },
      { functionName: 'fn', environment: 'e', stdout, clock: testClock() },
    )({}, lambdaContext());
    expect(out.lines()).toHaveLength(1);
  });
});
