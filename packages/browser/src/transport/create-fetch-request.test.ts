// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createFetchRequest } from './create-fetch-request';

const req = { url: 'https://api.example.com/m', body: '{"a":1}', contentType: 'text/plain;charset=UTF-8' };

function fakeFetch(status = 200, body = '{"errorId":"x"}') {
  return vi.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body, { status, headers: { 'Retry-After': '5' } }),
  );
}

describe('createFetchRequest', () => {
  it('uses sendBeacon with a text/plain Blob (no CORS preflight) when the page is going away', async () => {
    const sendBeacon = vi.fn((_url: string, _data: BodyInit) => true);
    const fetch = fakeFetch();
    const res = await createFetchRequest({ fetch, sendBeacon })({ ...req, beacon: true });
    expect(res.status).toBe(202);
    expect(fetch).not.toHaveBeenCalled();
    const blob = sendBeacon.mock.calls[0]?.[1] as Blob;
    expect(blob.type).toBe('text/plain;charset=utf-8');
    expect(await blob.text()).toBe(req.body);
  });

  it('falls back to fetch with keepalive when sendBeacon refuses or throws', async () => {
    for (const sendBeacon of [
      () => false,
      () => {
        throw new Error('no');
      },
    ]) {
      const fetch = fakeFetch();
      const res = await createFetchRequest({ fetch, sendBeacon })({ ...req, beacon: true });
      expect(res.status).toBe(200);
      expect(fetch.mock.calls[0]?.[1]).toMatchObject({
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
      });
    }
  });

  it('uses a plain fetch otherwise, reading the body and Retry-After when asked', async () => {
    const fetch = fakeFetch(503);
    const res = await createFetchRequest({ fetch })({ ...req, readBody: true });
    expect(res).toEqual({ status: 503, retryAfter: '5', body: '{"errorId":"x"}' });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.keepalive).toBe(false);
    expect(new Headers(init?.headers).get('content-type')).toBe('text/plain;charset=UTF-8');
  });

  it('sends a keepalive request with a readable answer, and no beacon, when only keepalive is asked', async () => {
    const fetch = fakeFetch(201);
    const sendBeacon = vi.fn(() => true);
    const res = await createFetchRequest({ fetch, sendBeacon })({ ...req, keepalive: true, readBody: true });
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(res).toMatchObject({ status: 201, body: '{"errorId":"x"}' });
    expect(fetch.mock.calls[0]?.[1]?.keepalive).toBe(true);
  });

  it('sends once more without keepalive when a keepalive request fails (the 64 KiB keepalive quota)', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      if (init?.keepalive) throw new TypeError('Failed to fetch');
      return new Response('{"errorId":"x"}', { status: 201 });
    });
    const res = await createFetchRequest({ fetch })({ ...req, keepalive: true, readBody: true });
    expect(res).toMatchObject({ status: 201, body: '{"errorId":"x"}' });
    expect(fetch.mock.calls.map((c) => c[1]?.keepalive)).toEqual([true, false]);
    // positive control: without keepalive a network error is not resent here (the transport retries)
    const down = vi.fn(async () => {
      throw new TypeError('down');
    });
    await expect(createFetchRequest({ fetch: down })(req)).rejects.toThrow('down');
    expect(down).toHaveBeenCalledTimes(1);
  });

  it('rejects on a network error so the transport can retry', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createFetchRequest({ fetch })(req)).rejects.toThrow('Failed to fetch');
  });
});
