import { type HttpHandler, HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type { Clock, MakeRequest, TransportRequest, TransportResponse } from '../src/transport/types';

export const ENDPOINT = 'https://api.example.com';
export const UMAMI_HOST = 'https://umami.example.com';
export const WEBSITE_ID = '4f6d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

/** One request the fake ingestion / Umami servers received. */
export interface Received {
  url: string;
  path: string;
  body: string;
  json: unknown;
  headers: Headers;
}

/** msw servers standing in for the ingestion API and Umami; records every request. */
export function createFakeServers(extra: HttpHandler[] = []): {
  server: SetupServer;
  received: Received[];
  /** Status codes to answer /errors/report with, in order (then 200). */
  errorStatuses: number[];
} {
  const received: Received[] = [];
  const errorStatuses: number[] = [];
  const record = async (request: Request): Promise<Received> => {
    const body = await request.text();
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const r = { url: request.url, path: new URL(request.url).pathname, body, json, headers: request.headers };
    received.push(r);
    return r;
  };
  let nextErrorId = 0;
  const server = setupServer(
    ...extra,
    http.post(`${ENDPOINT}/metrics/web-vitals`, async ({ request }) => {
      const r = await record(request);
      const n = (r.json as { metrics: unknown[] }).metrics.length;
      return HttpResponse.json({ success: true, metricsReceived: n, metricsRejected: 0 });
    }),
    http.post(`${ENDPOINT}/errors/report`, async ({ request }) => {
      await record(request);
      const status = errorStatuses.shift() ?? 200;
      if (status !== 200) return HttpResponse.json({ success: false }, { status });
      nextErrorId++;
      return HttpResponse.json({ success: true, errorId: `err-${nextErrorId}` });
    }),
    http.post(`${UMAMI_HOST}/api/send`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ cache: 'x' });
    }),
  );
  return { server, received, errorStatuses };
}

/** A scripted makeRequest: answers from `responses` in order (an Error rejects = network failure). */
export function scriptedRequest(responses: (TransportResponse | Error)[]): MakeRequest & {
  calls: TransportRequest[];
} {
  const calls: TransportRequest[] = [];
  const fn = (async (request: TransportRequest) => {
    calls.push(request);
    const next = responses.shift() ?? { status: 200 };
    if (next instanceof Error) throw next;
    return next;
  }) as MakeRequest & { calls: TransportRequest[] };
  fn.calls = calls;
  return fn;
}

/** A manual clock: timers run only when `advance` is called. */
export function manualClock(random = 0.5): Clock & { advance(ms: number): Promise<void>; delays: number[] } {
  let now = 1_700_000_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    random: () => random,
    setTimeout(fn, ms) {
      delays.push(ms);
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await flushMicrotasks();
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = target;
      await flushMicrotasks();
    },
  };
}

export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
