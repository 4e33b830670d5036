import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpApiV2Event, lambdaContext, restApiV1Event, testClock } from '../../test/lambda-fixtures';
import { createStdout, expectLogRecord } from '../../test/stdout-lines';
import { getInvocationContext } from '../context/invocation-store';
import { createLogger } from '../logger/create-logger';
import { metrics } from '../metrics/metrics';
import { withUsermetrics } from './with-usermetrics';

const SESSION = '0190a3c2-6f1e-7b2a-9c4d-1234567890ab';
const FN_ENV = ['functionName', 'environment'];

function setup(clockStart = 120) {
  const stdout = createStdout();
  const clock = testClock(clockStart);
  const options = { functionName: 'orders-api', environment: 'production', stdout, clock };
  return { stdout, clock, options };
}

describe('withUsermetrics', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('success: returns the same result object and writes the built-in metrics (HTTP API v2)', async () => {
    const { stdout, clock, options } = setup();
    const result = { statusCode: 200, body: '{"id":42}' };
    const wrapped = withUsermetrics(async () => {
      clock.t += 25;
      return result;
    }, options);
    await expect(wrapped(httpApiV2Event({ sessionId: SESSION }), lambdaContext(3000, 'req-1'))).resolves.toBe(
      result,
    );
    expect(stdout.logs()).toEqual([]);
    const [main] = stdout.emfWith(FN_ENV);
    expect(main).toMatchObject({
      functionName: 'orders-api',
      environment: 'production',
      Invocations: 1,
      Errors: 0,
      Duration: 25,
      requestId: 'req-1',
      sessionId: SESSION,
    });
    expect(stdout.emfWith([...FN_ENV, 'route'])).toMatchObject([{ route: 'GET /users/{id}', Duration: 25 }]);
    expect(stdout.emfWith([...FN_ENV, 'errorType'])).toEqual([]);
  });

  it('error: rethrows the same object, logs one ERROR line with ids and counts the errorType (REST v1)', async () => {
    const { stdout, options } = setup();
    const original = new TypeError('cannot read id of undefined');
    const wrapped = withUsermetrics(async () => {
      throw original;
    }, options);
    const event = restApiV1Event({ sessionHeader: ['X-SESSION-ID', 'sess_abc-123'] });
    await expect(wrapped(event, lambdaContext(3000, 'req-err'))).rejects.toBe(original);
    const logs = stdout.logs();
    expect(logs).toHaveLength(1);
    expect(expectLogRecord(logs[0])).toMatchObject({
      level: 'ERROR',
      functionName: 'orders-api',
      requestId: 'req-err',
      sessionId: 'sess_abc-123',
      coldStart: true,
      error: { name: 'TypeError', message: 'cannot read id of undefined' },
    });
    expect(stdout.emfWith(FN_ENV)).toMatchObject([{ Invocations: 1, Errors: 1 }]);
    expect(stdout.emfWith([...FN_ENV, 'errorType'])).toMatchObject([{ errorType: 'TypeError', Errors: 1 }]);
    expect(stdout.emfWith([...FN_ENV, 'route'])).toMatchObject([{ route: '/orders/{orderId}' }]);
  });

  it('rethrows non-Error throwables by identity too', async () => {
    const { options } = setup();
    const thrown = { reason: 'plain object' };
    await expect(
      withUsermetrics(async () => {
        throw thrown;
      }, options)({}, lambdaContext()),
    ).rejects.toBe(thrown);
  });

  it('timeout: warns with a WARN line and a TimeoutWarning metric before Lambda would kill the process', async () => {
    const { stdout, options } = setup();
    const wrapped = withUsermetrics(async () => {
      await new Promise((r) => setTimeout(r, 2800));
      return 'late';
    }, options);
    const pending = wrapped(httpApiV2Event(), lambdaContext(3000, 'req-slow'));
    await vi.advanceTimersByTimeAsync(2499);
    expect(stdout.emfWith(FN_ENV).some((d) => 'TimeoutWarning' in d)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const warn = stdout.logs().find((l) => l.level === 'WARN');
    expect(expectLogRecord(warn)).toMatchObject({
      message: expect.stringMatching(/time out/),
      requestId: 'req-slow',
    });
    expect(stdout.emfWith(FN_ENV).find((d) => 'TimeoutWarning' in d)).toMatchObject({
      TimeoutWarning: 1,
      requestId: 'req-slow',
    });
    await vi.advanceTimersByTimeAsync(300);
    await expect(pending).resolves.toBe('late');
  });

  it('clears the timeout timer on success and on error', async () => {
    const { options } = setup();
    const ok = withUsermetrics(async () => 1, options);
    const bad = withUsermetrics(async () => {
      throw new Error('x');
    }, options);
    await ok({}, lambdaContext(60_000));
    await expect(bad({}, lambdaContext(60_000))).rejects.toThrow('x');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cold vs warm: ColdStart 1 with InitDuration first, then 0 without it', async () => {
    const { stdout, clock, options } = setup(180);
    const wrapped = withUsermetrics(async () => 'ok', options);
    await wrapped(httpApiV2Event(), lambdaContext());
    clock.t += 1000;
    await wrapped(httpApiV2Event(), lambdaContext());
    const [cold, warm] = stdout.emfWith(FN_ENV);
    expect(cold).toMatchObject({ ColdStart: 1, InitDuration: 180 });
    expect(warm).toMatchObject({ ColdStart: 0 });
    expect(warm).not.toHaveProperty('InitDuration');
  });

  it('is never cold under provisioned concurrency or a proactive init', async () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'provisioned-concurrency');
    const pc = setup(150);
    await withUsermetrics(async () => 1, pc.options)({}, lambdaContext());
    vi.unstubAllEnvs();
    const proactive = setup(15_000);
    await withUsermetrics(async () => 1, proactive.options)({}, lambdaContext());
    const control = setup(150);
    await withUsermetrics(async () => 1, control.options)({}, lambdaContext());
    expect(pc.stdout.emfWith(FN_ENV)[0]).toMatchObject({ ColdStart: 0 });
    expect(proactive.stdout.emfWith(FN_ENV)[0]).toMatchObject({ ColdStart: 0 });
    expect(proactive.stdout.emfWith(FN_ENV)[0]).not.toHaveProperty('InitDuration');
    expect(control.stdout.emfWith(FN_ENV)[0]).toMatchObject({ ColdStart: 1, InitDuration: 150 });
  });

  it('keeps ids apart across overlapping invocations and async work inside them', async () => {
    const { stdout, options } = setup();
    const logger = createLogger('orders-api', { destination: stdout });
    const seen: Record<string, unknown>[] = [];
    const wrapped = withUsermetrics(async (event: { delay: number }) => {
      await new Promise((r) => setTimeout(r, event.delay));
      seen.push({ ...getInvocationContext() });
      await Promise.resolve();
      logger.info('step', { delay: event.delay });
      return getInvocationContext()?.requestId;
    }, options);
    const runs = [30, 10, 20].map((delay, i) => {
      const headers = { 'X-Session-Id': `session-${i}` };
      return wrapped({ delay, headers } as { delay: number }, lambdaContext(3000, `req-${i}`));
    });
    await vi.advanceTimersByTimeAsync(40);
    await expect(Promise.all(runs)).resolves.toEqual(['req-0', 'req-1', 'req-2']);
    const lines = stdout.logs();
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const i = [30, 10, 20].indexOf((line.context as { delay: number }).delay);
      expect(line).toMatchObject({ requestId: `req-${i}`, sessionId: `session-${i}` });
    }
    expect(seen.map((s) => s.requestId)).toEqual(['req-1', 'req-2', 'req-0']);
    expect(getInvocationContext()).toBeUndefined();
  });

  it('ignores a hostile X-Session-Id header and keeps a valid one', async () => {
    const { stdout, options } = setup();
    const wrapped = withUsermetrics(async () => getInvocationContext()?.sessionId, options);
    const hostile = await wrapped({ headers: { 'x-session-id': 'a"b\n{"level":"ERROR"}' } }, lambdaContext());
    const tooLong = await wrapped({ headers: { 'x-session-id': 'a'.repeat(65) } }, lambdaContext());
    const valid = await wrapped({ headers: { 'X-Session-ID': SESSION.toUpperCase() } }, lambdaContext());
    expect([hostile, tooLong, valid]).toEqual([undefined, undefined, SESSION]);
    expect(stdout.emfWith(FN_ENV).map((d) => d.sessionId)).toEqual([undefined, undefined, SESSION]);
  });

  it('never uses a raw path as the route, and uses options.route when given', async () => {
    const { stdout, options } = setup();
    await withUsermetrics(async () => 1, options)(
      { rawPath: '/users/42', path: '/users/42' },
      lambdaContext(),
    );
    await withUsermetrics(async () => 1, options)(httpApiV2Event({ routeKey: '$default' }), lambdaContext());
    await withUsermetrics(async () => 1, { ...options, route: () => '/custom/:id' })({}, lambdaContext());
    expect(stdout.emfWith([...FN_ENV, 'route']).map((d) => d.route)).toEqual(['/custom/:id']);
    expect(stdout.emfWith(FN_ENV)).toHaveLength(3);
  });

  it('flushes metrics.add from handler code before returning, into the user namespace', async () => {
    const { stdout, options } = setup();
    const wrapped = withUsermetrics(
      async () => {
        metrics.add('OrdersPlaced', 2, 'Count', { paymentMethod: 'card' });
        metrics.add('CartValue', 42.5);
        return 'ok';
      },
      { ...options, metricsNamespace: 'Shop' },
    );
    await wrapped(httpApiV2Event({ sessionId: SESSION }), lambdaContext(3000, 'req-user'));
    const user = stdout
      .emf()
      .filter(
        (d) =>
          (d._aws as { CloudWatchMetrics: { Namespace: string }[] }).CloudWatchMetrics[0]?.Namespace ===
          'Shop',
      );
    expect(user).toHaveLength(2);
    expect(user).toContainEqual(
      expect.objectContaining({
        paymentMethod: 'card',
        OrdersPlaced: 2,
        requestId: 'req-user',
        sessionId: SESSION,
      }),
    );
    expect(user).toContainEqual(
      expect.objectContaining({ functionName: 'orders-api', environment: 'production', CartValue: 42.5 }),
    );
  });

  it('invalid options: the handler still works and exactly one console warning is printed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stdout } = setup();
    const handler = async (e: number) => e * 2;
    const wrapped = withUsermetrics(handler, { functionName: '', stdout, timeoutMarginMs: -1 });
    await expect(wrapped(21, lambdaContext())).resolves.toBe(42);
    await expect(wrapped(1, lambdaContext())).resolves.toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/functionName/);
    expect(stdout.lines()).toEqual([]);
    warn.mockRestore();
  });

  it('takes functionName and environment from the Lambda environment by default', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'from-env');
    vi.stubEnv('USERMETRICS_ENVIRONMENT', 'staging');
    const { stdout, clock } = setup();
    await withUsermetrics(async () => 1, { stdout, clock })({}, lambdaContext());
    expect(stdout.emfWith(FN_ENV)[0]).toMatchObject({ functionName: 'from-env', environment: 'staging' });
  });
});
