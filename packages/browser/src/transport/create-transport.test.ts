import { describe, expect, it } from 'vitest';
import { manualClock, scriptedRequest } from '../../test/helpers';
import { createTransport, parseRetryAfter } from './create-transport';

const request = { url: 'https://api.example.com/x', body: '{}', contentType: 'text/plain;charset=UTF-8' };

describe('createTransport', () => {
  it('resolves ok with the status and body on 2xx, in one attempt', async () => {
    const make = scriptedRequest([{ status: 200, body: '{"errorId":"e1"}' }]);
    const outcome = await createTransport({ clock: manualClock() }, make).send(request);
    expect(outcome).toEqual({ ok: true, status: 200, body: '{"errorId":"e1"}' });
    expect(make.calls).toHaveLength(1);
  });

  it('retries network errors and 5xx with jittered exponential backoff, then succeeds', async () => {
    const clock = manualClock(0.5);
    const make = scriptedRequest([new TypeError('Failed to fetch'), { status: 503 }, { status: 200 }]);
    const pending = createTransport({ clock, baseDelayMs: 1000 }, make).send(request);
    await clock.advance(60_000);
    expect(await pending).toMatchObject({ ok: true, status: 200 });
    expect(make.calls).toHaveLength(3);
    // full jitter with random()=0.5: 0.5×1000, then 0.5×2000
    expect(clock.delays).toEqual([500, 1000]);
  });

  it('honours Retry-After on 429 instead of its own backoff', async () => {
    const clock = manualClock(0.5);
    const make = scriptedRequest([{ status: 429, retryAfter: '7' }, { status: 200 }]);
    const pending = createTransport({ clock }, make).send(request);
    await clock.advance(6_999);
    expect(make.calls).toHaveLength(1);
    await clock.advance(1);
    expect(await pending).toMatchObject({ ok: true });
    expect(clock.delays).toEqual([7000]);
  });

  it('does not retry other 4xx and reports them as rejected', async () => {
    const clock = manualClock();
    const make = scriptedRequest([{ status: 400 }, { status: 200 }]);
    const outcome = await createTransport({ clock }, make).send(request);
    expect(outcome).toEqual({ ok: false, reason: 'rejected', status: 400 });
    expect(make.calls).toHaveLength(1);
  });

  it('gives up after maxRetries and resolves (never rejects)', async () => {
    const clock = manualClock();
    const make = scriptedRequest([new Error('a'), new Error('b'), new Error('c')]);
    const pending = createTransport({ clock, maxRetries: 2 }, make).send(request);
    await clock.advance(120_000);
    expect(await pending).toEqual({ ok: false, reason: 'rejected', status: undefined });
    expect(make.calls).toHaveLength(3);
  });

  it('drops with reason consent when consent is revoked between attempts', async () => {
    const clock = manualClock();
    let allowed = true;
    const make = scriptedRequest([{ status: 500 }, { status: 200 }]);
    const pending = createTransport({ clock }, make).send(request, { isAllowed: () => allowed });
    await clock.advance(0);
    allowed = false;
    await clock.advance(60_000);
    expect(await pending).toEqual({ ok: false, reason: 'consent' });
    expect(make.calls).toHaveLength(1);
  });

  it('close() cuts backoff short: one last attempt, no more waiting', async () => {
    const clock = manualClock();
    const make = scriptedRequest([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const transport = createTransport({ clock }, make);
    const pending = transport.send(request);
    await clock.advance(0);
    expect(make.calls).toHaveLength(1);
    transport.close();
    expect(await pending).toMatchObject({ ok: false, reason: 'rejected' });
    expect(make.calls).toHaveLength(2);
    await transport.drain();
  });

  it('resolves rejected when makeRequest itself throws synchronously', async () => {
    const transport = createTransport({ clock: manualClock(), maxRetries: 0 }, () => {
      throw new Error('sync');
    });
    expect(await transport.send(request)).toMatchObject({ ok: false, reason: 'rejected' });
  });
});

describe('createTransport on a refusal the page cannot read (CORS)', () => {
  const failedToFetch = () => new TypeError('Failed to fetch');
  const other = { ...request, url: 'https://api.example.com/y' };

  it('sends a batch at most twice, then blocks the origin for the page: later sends go out never', async () => {
    const clock = manualClock();
    const make = scriptedRequest([failedToFetch(), failedToFetch(), failedToFetch(), failedToFetch()]);
    const probed: string[] = [];
    const blocked: string[] = [];
    const transport = createTransport(
      {
        clock,
        isReachable: async (url) => {
          probed.push(url);
          return true;
        },
        onBlocked: (origin) => blocked.push(origin),
      },
      make,
    );
    const first = transport.send(request);
    await clock.advance(60_000);
    expect(await first).toEqual({ ok: false, reason: 'blocked' });
    expect(make.calls).toHaveLength(2);
    expect(probed).toEqual([request.url]);
    expect(await transport.send(other)).toEqual({ ok: false, reason: 'blocked' });
    expect(make.calls).toHaveLength(2);
    expect(blocked).toEqual(['https://api.example.com']);
  });

  it('keeps other origins open (Umami on its own host still sends)', async () => {
    const make = scriptedRequest([failedToFetch(), failedToFetch(), { status: 200 }]);
    const clock = manualClock();
    const transport = createTransport({ clock, isReachable: async () => true }, make);
    const first = transport.send(request);
    await clock.advance(60_000);
    await first;
    const umami = await transport.send({ ...request, url: 'https://umami.example.com/api/send' });
    expect(umami).toMatchObject({ ok: true, status: 200 });
  });

  it('retries like any network error when the server does not answer the probe either (positive control)', async () => {
    const clock = manualClock();
    const make = scriptedRequest([failedToFetch(), failedToFetch(), failedToFetch(), { status: 200 }]);
    let probes = 0;
    const transport = createTransport(
      {
        clock,
        isReachable: async () => {
          probes++;
          return false;
        },
      },
      make,
    );
    const pending = transport.send(request);
    await clock.advance(120_000);
    expect(await pending).toMatchObject({ ok: true, status: 200 });
    expect(make.calls).toHaveLength(4);
    expect(probes).toBe(2);
  });

  it('does not probe while the browser is offline: that failure is the network', async () => {
    const clock = manualClock();
    const make = scriptedRequest([failedToFetch(), failedToFetch(), { status: 200 }]);
    let probes = 0;
    const transport = createTransport(
      {
        clock,
        isOnline: () => false,
        isReachable: async () => {
          probes++;
          return true;
        },
      },
      make,
    );
    const pending = transport.send(request);
    await clock.advance(120_000);
    expect(await pending).toMatchObject({ ok: true });
    expect(probes).toBe(0);
  });

  it('treats a probe that throws as unreachable', async () => {
    const clock = manualClock();
    const make = scriptedRequest([failedToFetch(), failedToFetch(), { status: 200 }]);
    const transport = createTransport(
      {
        clock,
        isReachable: () => Promise.reject(new Error('probe broke')),
      },
      make,
    );
    const pending = transport.send(request);
    await clock.advance(120_000);
    expect(await pending).toMatchObject({ ok: true });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
