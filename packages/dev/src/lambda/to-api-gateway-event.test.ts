import { describe, expect, it } from 'vitest';
import { createLambdaContext } from './create-context';
import { isTextContentType, toApiGatewayEvent } from './to-api-gateway-event';

const base = {
  routeKey: 'POST /metrics/web-vitals',
  requestId: 'req-1',
  now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
};

describe('toApiGatewayEvent', () => {
  it('builds an HTTP API v2 event with lower-case headers, raw path and query, method and source ip', () => {
    const event = toApiGatewayEvent(
      {
        method: 'post',
        url: '/metrics/web-vitals?a=1&b=2&a=3',
        headers: { 'Content-Type': 'application/json', 'x-session-id': 's-1', host: 'localhost:4000' },
        body: Buffer.from('{"metrics":[]}'),
        sourceIp: '::ffff:127.0.0.1',
      },
      base,
    );
    expect(event.version).toBe('2.0');
    expect(event.rawPath).toBe('/metrics/web-vitals');
    expect(event.rawQueryString).toBe('a=1&b=2&a=3');
    expect(event.queryStringParameters).toEqual({ a: '1,3', b: '2' });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-session-id']).toBe('s-1');
    expect(event.requestContext.http).toMatchObject({
      method: 'POST',
      path: '/metrics/web-vitals',
      sourceIp: '127.0.0.1',
    });
    expect(event.requestContext.requestId).toBe('req-1');
    expect(event.requestContext.time).toBe('02/Jan/2026:03:04:05 +0000');
    expect(event.body).toBe('{"metrics":[]}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('moves cookies out of the headers into the cookies array', () => {
    const event = toApiGatewayEvent(
      { method: 'GET', url: '/', headers: { cookie: 'a=1; b=2' }, body: Buffer.alloc(0) },
      base,
    );
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
  });

  it('base64-encodes bodies that are not text and flags them', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251]);
    const event = toApiGatewayEvent(
      { method: 'POST', url: '/x', headers: { 'content-type': 'application/octet-stream' }, body: bytes },
      base,
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body as string, 'base64')).toEqual(bytes);
  });

  it('joins repeated header values with commas', () => {
    const event = toApiGatewayEvent(
      {
        method: 'GET',
        url: '/',
        headers: { 'x-forwarded-for': ['1.1.1.1', '2.2.2.2'] },
        body: Buffer.alloc(0),
      },
      base,
    );
    expect(event.headers['x-forwarded-for']).toBe('1.1.1.1,2.2.2.2');
  });
});

describe('isTextContentType', () => {
  it('treats json, text and form bodies as text and the rest as binary', () => {
    expect(isTextContentType('application/json; charset=utf-8')).toBe(true);
    expect(isTextContentType('text/plain')).toBe(true);
    expect(isTextContentType('application/vnd.api+json')).toBe(true);
    expect(isTextContentType('image/png')).toBe(false);
    expect(isTextContentType(undefined)).toBe(false);
  });
});

describe('createLambdaContext', () => {
  it('counts getRemainingTimeInMillis down from the route timeout', () => {
    let now = 1000;
    const context = createLambdaContext({
      functionName: 'fn',
      requestId: 'r',
      timeoutMs: 3000,
      now: () => now,
    });
    expect(context.getRemainingTimeInMillis()).toBe(3000);
    now += 2600;
    expect(context.getRemainingTimeInMillis()).toBe(400);
    now += 1000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
    expect(context).toMatchObject({ functionName: 'fn', awsRequestId: 'r', logGroupName: '/aws/lambda/fn' });
  });
});
