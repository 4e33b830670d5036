import middy from '@middy/core';
import { createLogger, getInvocationContext, metrics, withUsermetrics } from '@usermetrics/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpApiV2Event, lambdaContext, restApiV1Event, testClock } from '../../node/test/lambda-fixtures';
import { createStdout, expectLogRecord } from '../../node/test/stdout-lines';
import { cleanupUsermetrics, USERMETRICS_FINISH_KEY, usermetrics } from '../src/index';

const SESSION = '0190a3c2-6f1e-7b2a-9c4d-1234567890ab';
const FN_ENV = ['functionName', 'environment'];

function setup(clockStart = 120) {
  const stdout = createStdout();
  const clock = testClock(clockStart);
  const options = { functionName: 'orders-api', environment: 'production', stdout, clock };
  return { stdout, clock, options };
}

/** A plain middleware recording the order in which middy calls hooks. */
function tracer(name: string, calls: string[]) {
  return {
    before: () => {
      calls.push(`${name}.before`);
    },
    after: () => {
      calls.push(`${name}.after`);
    },
    onError: () => {
      calls.push(`${name}.onError`);
    },
  };
}

describe('usermetrics middy middleware (@middy/core 6.4)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('success: same result object, built-in metrics, context visible in the handler, other middlewares run', async () => {
    const { stdout, clock, options } = setup();
    const calls: string[] = [];
    const result = { statusCode: 200, body: 'ok' };
    let seen: ReturnType<typeof getInvocationContext>;
    const handler = middy(async () => {
      clock.t += 7;
      seen = getInvocationContext();
      return result;
    })
      .use(tracer('outer', calls))
      .use(usermetrics(options))
      .use(tracer('inner', calls));
    await expect(
      handler(httpApiV2Event({ sessionId: SESSION }), lambdaContext(3000, 'req-m1')),
    ).resolves.toBe(result);
    expect(calls).toEqual(['outer.before', 'inner.before', 'inner.after', 'outer.after']);
    expect(seen).toMatchObject({ requestId: 'req-m1', sessionId: SESSION, coldStart: true });
    // The context entered by before() must not outlive the invocation in the caller's async context.
    expect(getInvocationContext()).toBeUndefined();
    expect(stdout.emfWith(FN_ENV)).toMatchObject([{ Invocations: 1, Errors: 0, ColdStart: 1, Duration: 7 }]);
    expect(stdout.emfWith([...FN_ENV, 'route'])).toMatchObject([{ route: 'GET /users/{id}' }]);
    expect(stdout.logs()).toEqual([]);
  });

  it('error: middy rethrows the same object; one ERROR line with ids; errorType counted', async () => {
    const { stdout, options } = setup();
    const original = new RangeError('quantity out of range');
    const calls: string[] = [];
    const handler = middy(async () => {
      throw original;
    })
      .use(tracer('outer', calls))
      .use(usermetrics(options))
      .use(tracer('inner', calls));
    const event = restApiV1Event({ sessionHeader: ['x-session-id', 'sess-9'] });
    await expect(handler(event, lambdaContext(3000, 'req-m2'))).rejects.toBe(original);
    expect(calls).toEqual(['outer.before', 'inner.before', 'inner.onError', 'outer.onError']);
    const logs = stdout.logs();
    expect(logs).toHaveLength(1);
    expect(expectLogRecord(logs[0])).toMatchObject({
      level: 'ERROR',
      requestId: 'req-m2',
      sessionId: 'sess-9',
      error: { name: 'RangeError', message: 'quantity out of range' },
    });
    expect(stdout.emfWith([...FN_ENV, 'errorType'])).toMatchObject([{ errorType: 'RangeError', Errors: 1 }]);
  });

  it('timeout: WARN line and TimeoutWarning before the deadline, then a normal finish', async () => {
    const { stdout, options } = setup();
    const handler = middy(async () => {
      await new Promise((r) => setTimeout(r, 1900));
      return 'late';
    }).use(usermetrics({ ...options, timeoutMarginMs: 200 }));
    const pending = handler(httpApiV2Event(), lambdaContext(2000, 'req-m3'));
    await vi.advanceTimersByTimeAsync(1799);
    expect(stdout.logs()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(expectLogRecord(stdout.logs()[0])).toMatchObject({ level: 'WARN', requestId: 'req-m3' });
    expect(stdout.emfWith(FN_ENV).find((d) => 'TimeoutWarning' in d)).toMatchObject({ TimeoutWarning: 1 });
    await vi.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toBe('late');
    expect(stdout.emfWith(FN_ENV).filter((d) => 'Invocations' in d)).toHaveLength(1);
  });

  it('cold vs warm', async () => {
    const { stdout, options } = setup(95);
    const handler = middy(async () => 'ok').use(usermetrics(options));
    await handler(httpApiV2Event(), lambdaContext());
    await handler(httpApiV2Event(), lambdaContext());
    const [cold, warm] = stdout.emfWith(FN_ENV);
    expect(cold).toMatchObject({ ColdStart: 1, InitDuration: 95 });
    expect(warm).toMatchObject({ ColdStart: 0 });
    expect(warm).not.toHaveProperty('InitDuration');
  });

  it('still finishes when a later before middleware returns early (metrics flushed, timer cleared)', async () => {
    const { stdout, options } = setup();
    const cached = { statusCode: 304 };
    const handlerBody = vi.fn(async () => 'never');
    const handler = middy(handlerBody)
      .use(usermetrics(options))
      .use({
        before: () => {
          metrics.add('CacheHits', 1, 'Count');
          return cached;
        },
      });
    await expect(handler(httpApiV2Event(), lambdaContext(60_000, 'req-early'))).resolves.toBe(cached);
    await vi.advanceTimersByTimeAsync(0);
    expect(handlerBody).not.toHaveBeenCalled();
    expect(stdout.emfWith(FN_ENV)).toContainEqual(
      expect.objectContaining({ Invocations: 1, requestId: 'req-early' }),
    );
    expect(stdout.emf()).toContainEqual(expect.objectContaining({ CacheHits: 1 }));
  });

  it('still finishes when a middleware marks an undefined early response (the middy 6 pattern)', async () => {
    const { stdout, options } = setup();
    const handlerBody = vi.fn(async () => 'never');
    const handler = middy(handlerBody)
      .use(usermetrics(options))
      .use({
        before: (request) => {
          (request as { earlyResponse?: unknown }).earlyResponse = undefined;
        },
      });
    await expect(handler(httpApiV2Event(), lambdaContext(60_000, 'req-undef'))).resolves.toBeUndefined();
    expect(handlerBody).not.toHaveBeenCalled();
    expect(stdout.emfWith(FN_ENV)).toContainEqual(
      expect.objectContaining({ Invocations: 1, requestId: 'req-undef' }),
    );
  });

  it('still finishes when an after middleware that runs before ours returns early', async () => {
    const { stdout, options } = setup();
    const replaced = { statusCode: 200, body: 'replaced' };
    const handler = middy(async () => 'original')
      .use(usermetrics(options))
      .use({ after: () => replaced });
    await expect(handler(httpApiV2Event(), lambdaContext())).resolves.toBe(replaced);
    expect(stdout.emfWith(FN_ENV)).toMatchObject([{ Invocations: 1, Errors: 0 }]);
  });

  it('parks the finish in request.internal for early-returning middlewares that clean up explicitly', async () => {
    const { stdout, options } = setup();
    let parked: unknown;
    const handler = middy(async () => 'never')
      .use(usermetrics(options))
      .use({
        before: async (request) => {
          parked = request.internal[USERMETRICS_FINISH_KEY];
          await cleanupUsermetrics(request);
          return 'early';
        },
      });
    await expect(handler({}, lambdaContext())).resolves.toBe('early');
    expect(parked).toMatchObject({ finished: true });
    expect(stdout.emfWith(FN_ENV)).toHaveLength(1);
  });

  it('counts an error that an onError middleware turns into a response', async () => {
    const { stdout, options } = setup();
    const handler = middy(async () => {
      throw new TypeError('bad');
    })
      .use({
        onError: (request) => {
          request.response = { statusCode: 500 };
        },
      })
      .use(usermetrics(options));
    await expect(handler({}, lambdaContext())).resolves.toEqual({ statusCode: 500 });
    expect(stdout.emfWith([...FN_ENV, 'errorType'])).toMatchObject([{ errorType: 'TypeError' }]);
  });

  it('around a handler already wrapped by withUsermetrics: one invocation is counted once', async () => {
    const { stdout, options } = setup();
    const handler = middy(withUsermetrics(async () => 'ok', options)).use(usermetrics(options));
    await expect(handler(httpApiV2Event(), lambdaContext())).resolves.toBe('ok');
    await expect(handler(httpApiV2Event(), lambdaContext())).resolves.toBe('ok');
    expect(stdout.emf().filter((d) => 'Invocations' in d)).toHaveLength(2);
  });

  it('keeps ids apart across overlapping invocations', async () => {
    const { stdout, options } = setup();
    const logger = createLogger('orders-api', { destination: stdout });
    const handler = middy(async (event: { delay: number }) => {
      await new Promise((r) => setTimeout(r, event.delay));
      logger.info('step', { delay: event.delay });
      return getInvocationContext()?.requestId;
    }).use(usermetrics(options));
    const runs = [30, 10, 20].map((delay, i) =>
      handler(
        { delay, headers: { 'x-session-id': `s-${i}` } } as { delay: number },
        lambdaContext(3000, `r-${i}`),
      ),
    );
    await vi.advanceTimersByTimeAsync(40);
    await expect(Promise.all(runs)).resolves.toEqual(['r-0', 'r-1', 'r-2']);
    for (const line of stdout.logs()) {
      const i = [30, 10, 20].indexOf((line.context as { delay: number }).delay);
      expect(line).toMatchObject({ requestId: `r-${i}`, sessionId: `s-${i}` });
    }
    expect(stdout.logs()).toHaveLength(3);
  });

  it('invalid options: one warning and a middleware that changes nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stdout } = setup();
    const handler = middy(async (e: number) => e + 1).use(
      usermetrics({ namespace: '', functionName: 'f', stdout }),
    );
    await expect(handler(1, lambdaContext())).resolves.toBe(2);
    await expect(handler(2, lambdaContext())).resolves.toBe(3);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(stdout.lines()).toEqual([]);
    warn.mockRestore();
  });
});
