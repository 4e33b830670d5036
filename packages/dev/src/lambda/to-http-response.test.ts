import { describe, expect, it } from 'vitest';
import { toHttpResponse } from './to-http-response';

describe('toHttpResponse', () => {
  it('maps a structured result: status, lower-cased headers, cookies and body', () => {
    const answer = toHttpResponse({ statusCode: 201, headers: { 'X-A': 'b' }, cookies: ['c=1'], body: 'hi' });
    expect(answer.status).toBe(201);
    expect(answer.headers).toMatchObject({ 'x-a': 'b', 'set-cookie': ['c=1'] });
    expect(answer.body.toString()).toBe('hi');
  });

  it('decodes base64 bodies', () => {
    const answer = toHttpResponse({
      statusCode: 200,
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    });
    expect([...answer.body]).toEqual([1, 2, 3]);
  });

  it('infers a 200 JSON answer from a plain object or string, as HTTP API v2 does', () => {
    const fromObject = toHttpResponse({ ok: true });
    expect(fromObject.status).toBe(200);
    expect(JSON.parse(fromObject.body.toString())).toEqual({ ok: true });
    expect(toHttpResponse('text').body.toString()).toBe('text');
    expect(toHttpResponse(undefined).status).toBe(200);
  });

  it('answers 502 for a status code API Gateway could not use', () => {
    expect(toHttpResponse({ statusCode: 42 }).status).toBe(502);
    expect(toHttpResponse({ statusCode: 'nope' }).status).toBe(502);
  });
});
