import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCollector } from '../../test/collect';
import { expectValidEmf } from '../../test/emf-schema';
import { lambdaContext, testClock } from '../../test/lambda-fixtures';
import { createStdout } from '../../test/stdout-lines';
import { metrics } from '../metrics/metrics';
import { publishMetric, recordColdStart, withLogging, withMetrics } from './aliases';

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
