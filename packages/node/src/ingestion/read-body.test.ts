import { LIMITS } from '@usermetrics/core';
import { describe, expect, it, vi } from 'vitest';
import { handlerOn, ORIGIN, v1Event, v2Event, vital, vitalsBody } from '../../test/ingestion/fixtures';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import type { WebVitalsHandlerOptions } from './types';

const setup = (options: WebVitalsHandlerOptions = {}) => handlerOn(createWebVitalsHandler, options);

const errorCode = (res: { body: string }) => JSON.parse(res.body).error.code;
const valid = vitalsBody([vital()]);
/** A valid payload of exactly `bytes` UTF-8 bytes (an unknown key carries the padding). */
function paddedBody(bytes: number): string {
  const base = vitalsBody([vital()]);
  return base.slice(0, -1) + ',"pad":"' + 'a'.repeat(bytes - base.length - 9) + '"}';
}

describe('request body: encoding, size, media type, JSON', () => {
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
    // Longer than MAX_CONTENT_TYPE_LENGTH: refused before it is parsed (#18).
    [`application/json;${' x=1'.repeat(70)}`, 415],
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
});
