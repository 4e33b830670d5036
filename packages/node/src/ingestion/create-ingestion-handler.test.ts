import { describe, expect, it, vi } from 'vitest';
import { handlerOn, NOW, v1Event, v2Event, vital, vitalsBody } from '../../test/ingestion/fixtures';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import type { IngestionLogger, WebVitalsHandlerOptions } from './types';

const setup = (options: WebVitalsHandlerOptions = {}) => handlerOn(createWebVitalsHandler, options);

const errorCode = (res: { body: string }) => JSON.parse(res.body).error.code;
const valid = vitalsBody([vital()]);

describe('ingestion HTTP layer', () => {
  it.each([
    ['v2', v2Event],
    ['v1', v1Event],
  ])('answers 405 with Allow for a GET (%s)', async (_, makeEvent) => {
    const { handler } = setup();

    const res = await handler(makeEvent({ method: 'GET' }));

    expect(res.statusCode).toBe(405);
    expect(res.headers.Allow).toBe('POST, OPTIONS');
    expect(errorCode(res)).toBe('method_not_allowed');
  });

  it('answers 405 for an event that names no method', async () => {
    const { handler } = setup();

    const res = await handler({ body: valid, headers: { 'content-type': 'application/json' } });

    expect(res.statusCode).toBe(405);
  });

  it('answers 429 rate_limited with Retry-After once the token bucket is empty, and recovers', async () => {
    let t = NOW;
    const { handler } = setup({ rateLimit: { requestsPerSecond: 2 }, now: () => t });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await handler(v2Event({ body: valid }))).statusCode);
    const limited = await handler(v2Event({ body: valid }));
    t += 1000;
    const later = await handler(v2Event({ body: valid }));

    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.headers['Retry-After']).toBe('1');
    expect(errorCode(limited)).toBe('rate_limited');
    expect(later.statusCode).toBe(200);
  });

  it('answers 429 when shouldThrottle says so, with its Retry-After', async () => {
    const shouldThrottle = vi.fn((event: { headers?: Record<string, string | undefined> | null }) =>
      event.headers?.['x-flood'] === '1' ? 30 : false,
    );
    const { handler } = setup({ shouldThrottle });

    const flood = await handler(
      v2Event({ headers: { 'content-type': 'application/json', 'x-flood': '1' }, body: valid }),
    );
    const normal = await handler(v2Event({ body: valid }));

    expect(flood.statusCode).toBe(429);
    expect(flood.headers['Retry-After']).toBe('30');
    expect(normal.statusCode).toBe(200);
    expect(shouldThrottle).toHaveBeenCalledTimes(2);
  });

  it('does not throttle when shouldThrottle throws, and logs that once', async () => {
    const logger = fakeLogger();
    const { handler } = setup({
      logger,
      shouldThrottle: () => {
        throw new Error('broken callback');
      },
    });

    const a = await handler(v2Event({ body: valid }));
    const b = await handler(v2Event({ body: valid }));

    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('answers 500 internal and logs the fault when the handler itself breaks, never throwing', async () => {
    const logger = fakeLogger();
    const fault = new Error('clock exploded');
    const { handler } = setup({
      logger,
      now: () => {
        throw fault;
      },
    });

    const res = await handler(v2Event({ body: valid }));

    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      success: false,
      error: { code: 'internal', message: 'Internal error' },
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('internal error'),
      fault,
      expect.anything(),
    );
  });

  it('still answers 500 when the logger is broken too', async () => {
    const broken = () => {
      throw new Error('logger down');
    };
    const { handler } = setup({
      logger: { info: broken, warn: broken, error: broken },
      now: () => {
        throw new Error('clock exploded');
      },
    });

    await expect(handler(v2Event({ body: valid }))).resolves.toMatchObject({ statusCode: 500 });
  });

  it('survives events that are not objects at all', async () => {
    const { handler } = setup();

    for (const event of [null, undefined, 42, 'POST', []]) {
      const res = await handler(event as never);
      expect(res.statusCode).toBe(405);
    }
  });
});

function fakeLogger() {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies IngestionLogger;
  return logger;
}
