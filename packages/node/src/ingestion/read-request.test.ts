import { describe, expect, it } from 'vitest';
import { v1Event, v2Event } from '../../test/ingestion/fixtures';
import { readRequest } from './read-request';

describe('readRequest', () => {
  it('reads method, lower-cased headers and request id from a v2 event', () => {
    const r = readRequest(v2Event({ headers: { 'content-type': 'text/plain' }, body: 'b' }), undefined);

    expect(r).toEqual({
      method: 'POST',
      headers: expect.objectContaining({ 'content-type': 'text/plain' }),
      body: 'b',
      isBase64Encoded: false,
      requestId: 'v2-request-id',
    });
  });

  it('reads a v1 event, joining multi-value headers and preferring the Lambda request id', () => {
    const event = {
      ...v1Event({ method: 'post' }),
      multiValueHeaders: { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'] },
    };

    const r = readRequest(event, { awsRequestId: 'aws-1' });

    expect(r.method).toBe('POST');
    expect(r.headers['x-forwarded-for']).toBe('1.1.1.1, 2.2.2.2');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.requestId).toBe('aws-1');
  });

  it('treats header names such as __proto__ as data', () => {
    const r = readRequest({ headers: { __proto__: 'x', constructor: 'y' } as never }, undefined);

    expect(Object.getPrototypeOf(r.headers)).toBe(null);
    expect(r.headers.constructor).toBe('y');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('tolerates wrong types everywhere', () => {
    const r = readRequest(
      {
        httpMethod: 5,
        headers: 'x',
        multiValueHeaders: { a: 'not-an-array' },
        body: {},
        isBase64Encoded: 'yes',
      } as never,
      { awsRequestId: 7 } as never,
    );

    expect(r).toEqual({
      method: '',
      headers: {},
      body: undefined,
      isBase64Encoded: false,
      requestId: undefined,
    });
  });
});
