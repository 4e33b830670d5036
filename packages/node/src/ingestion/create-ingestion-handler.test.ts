import { LIMITS } from '@usermetrics/core';
import { describe, expect, it, vi } from 'vitest';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import { collectStdout, NOW, now, ORIGIN, v1Event, v2Event, vital, vitalsBody } from './testing/fixtures';
import type { IngestionLogger, WebVitalsHandlerOptions } from './types';

function setup(options: WebVitalsHandlerOptions = {}) {
  const out = collectStdout();
  const handler = createWebVitalsHandler({
    stdout: out,
    now,
    environment: 'production',
    allowedOrigins: [ORIGIN],
    ...options,
  });
  return { out, handler };
}

const errorCode = (res: { body: string }) => JSON.parse(res.body).error.code;
const valid = vitalsBody([vital()]);
/** A valid payload of exactly `bytes` UTF-8 bytes (an unknown key carries the padding). */
function paddedBody(bytes: number): string {
  const base = vitalsBody([vital()]);
  return base.slice(0, -1) + ',"pad":"' + 'a'.repeat(bytes - base.length - 9) + '"}';
}

describe('ingestion HTTP layer', () => {
  it('accepts a base64-encoded body', async () => {
    const { handler } = setup();

    const res = await handler(
      v2Event({ body: Buffer.from(valid).toString('base64'), isBase64Encoded: true }),
    );

    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).metricsReceived).toBe(1);
  });

  it('answers 400 invalid_json for base64 that decodes to invalid UTF-8', async () => {
    const { handler } = setup();
    const bytes = Buffer.concat([
      Buffer.from('{"metrics":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);

    const res = await handler(v2Event({ body: bytes.toString('base64'), isBase64Encoded: true }));

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('invalid_json');
  });

  it('accepts a body of exactly the limit and answers 413 one byte above it', async () => {
    const { handler } = setup();
    const atLimit = paddedBody(LIMITS.maxBodyBytes);
    const over = paddedBody(LIMITS.maxBodyBytes + 1);
    expect(Buffer.byteLength(atLimit)).toBe(102_400);

    const ok = await handler(v2Event({ body: atLimit }));
    const tooBig = await handler(v2Event({ body: over }));

    expect(ok.statusCode).toBe(200);
    expect(tooBig.statusCode).toBe(413);
    expect(errorCode(tooBig)).toBe('payload_too_large');
  });

  it('measures the limit in UTF-8 bytes, not characters', async () => {
    const { handler } = setup();
    const body = JSON.stringify({ metrics: [vital()], sessionId: 's', userAgent: '€'.repeat(40_000) });
    expect(body.length).toBeLessThan(LIMITS.maxBodyBytes);

    const res = await handler(v2Event({ body }));

    expect(res.statusCode).toBe(413);
  });

  it('measures a base64 body after decoding, and refuses a huge one without decoding it', async () => {
    const { handler } = setup();
    const decodedFits = Buffer.from(paddedBody(LIMITS.maxBodyBytes)).toString('base64');
    const decodedOver = Buffer.from(paddedBody(LIMITS.maxBodyBytes + 1)).toString('base64');
    const huge = 'A'.repeat(5_000_000);
    const decode = vi.spyOn(Buffer, 'from');

    const fits = await handler(v2Event({ body: decodedFits, isBase64Encoded: true }));
    const over = await handler(v2Event({ body: decodedOver, isBase64Encoded: true }));
    decode.mockClear();
    const hugeRes = await handler(v2Event({ body: huge, isBase64Encoded: true }));

    expect(decodedFits.length).toBeGreaterThan(LIMITS.maxBodyBytes);
    expect([fits.statusCode, over.statusCode, hugeRes.statusCode]).toEqual([200, 413, 413]);
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
  });

  it.each([
    ['application/json', 200],
    ['application/json; charset=utf-8', 200],
    ['Text/Plain;charset=UTF-8', 200],
    ['APPLICATION/JSON', 200],
    ['application/xml', 415],
    ['application/jsonp', 415],
    ['multipart/form-data; boundary=x', 415],
    ['', 415],
  ])('Content-Type %j → %i', async (type, status) => {
    const { handler } = setup();

    const res = await handler(v2Event({ headers: { 'content-type': type }, body: valid }));

    expect(res.statusCode).toBe(status);
    if (status === 415) expect(errorCode(res)).toBe('unsupported_media_type');
  });

  it('answers 415 when there is no Content-Type at all', async () => {
    const { handler } = setup();

    const res = await handler(v2Event({ headers: {}, body: valid }));

    expect(res.statusCode).toBe(415);
  });

  it('reads v1 header names case-insensitively', async () => {
    const { handler } = setup();

    const res = await handler(
      v1Event({ headers: { 'CONTENT-TYPE': 'text/plain', ORIGIN: ORIGIN }, body: valid }),
    );

    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
  });

  it.each(['', '{', 'undefined', "{'a':1}", '{"metrics":[NaN]}', '{"metrics":[Infinity]}'])(
    'answers 400 invalid_json for %j',
    async (body) => {
      const { handler } = setup();

      const res = await handler(v2Event({ body }));

      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('invalid_json');
    },
  );

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
