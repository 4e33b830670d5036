// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeServers,
  ENDPOINT,
  flushMicrotasks,
  manualClock,
  scriptedRequest,
  UMAMI_HOST,
  WEBSITE_ID,
} from '../../test/helpers';
import { emitVital, resetVitals } from '../../test/web-vitals-mock';
import * as runtimeModule from '../runtime/start-runtime';
import type { Tracker, TrackerConfig } from '../types';
import { createTracker, createTrackerWith } from './create-tracker';

vi.mock('web-vitals', async () => (await import('../../test/web-vitals-mock')).makeWebVitalsMock());

const { server, received, errorStatuses } = createFakeServers();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const live: Tracker[] = [];
function track(config: Partial<TrackerConfig> = {}, clock = manualClock()): Tracker {
  const tracker = createTrackerWith({ endpoint: ENDPOINT, ...config }, { clock });
  live.push(tracker);
  return tracker;
}
const paths = () => received.map((r) => r.path);

beforeEach(() => {
  resetVitals();
  received.length = 0;
  errorStatuses.length = 0;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.shutdown()));
  vi.restoreAllMocks();
});

describe('one running tracker per window (HMR re-runs the module that creates it)', () => {
  it('returns the running tracker to a second createTracker() until its shutdown(), then starts a new one', async () => {
    const first = createTracker({ endpoint: ENDPOINT });
    const again = createTracker({ endpoint: ENDPOINT, debug: false });
    expect(first.isNoop).toBe(false);
    expect(again).toBe(first);
    await first.shutdown();
    const next = createTracker({ endpoint: ENDPOINT });
    live.push(next);
    // Positive control: after shutdown() the slot is free, so this is a new tracker, not the stopped one.
    expect(next).not.toBe(first);
    expect(next.isNoop).toBe(false);
  });

  it('a no-op (bad config) never takes the slot', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const noop = createTracker({} as TrackerConfig);
    expect(noop.isNoop).toBe(true);
    const real = createTracker({ endpoint: ENDPOINT });
    live.push(real);
    expect(real.isNoop).toBe(false);
    expect(createTracker({ endpoint: ENDPOINT, debug: true })).toBe(real);
    expect(warn).toHaveBeenCalledTimes(1); // the bad config's one warning
  });
});

describe('createTracker configuration', () => {
  it.each([
    ['no endpoint', {}],
    ['a relative endpoint', { endpoint: '/api' }],
    ['a non-uuid umami website', { endpoint: ENDPOINT, umami: { websiteId: 'x', hostUrl: UMAMI_HOST } }],
    [
      'a replay sample rate of 2',
      { endpoint: ENDPOINT, replay: { projectKey: 'k', ingestPoint: 'https://or.example', sampleRate: 2 } },
    ],
    ['a negative error cap', { endpoint: ENDPOINT, errors: { maxPerSession: -1 } }],
  ])('returns a working no-op with exactly one warning for %s', async (_name, config) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tracker = createTracker(config as TrackerConfig);
    expect(tracker.isNoop).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('[usermetrics]');
    await expect(tracker.trackError(new Error('x'))).resolves.toBeUndefined();
    tracker.trackEvent('e');
    tracker.trackPageView();
    await tracker.flush();
    await tracker.shutdown();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(received).toHaveLength(0);
  });

  it('gives the silent no-op with enabled: false: nothing loaded, listened to or sent, even without an endpoint', async () => {
    const warn = vi.fn();
    const loadRuntime = vi.fn(async () => runtimeModule);
    const listen = vi.spyOn(window, 'addEventListener');
    const push = window.history.pushState;
    const tracker = createTrackerWith({ enabled: false } as TrackerConfig, { warn, loadRuntime });
    tracker.trackEvent('e');
    await tracker.trackError(new Error('x'));
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('page'), message: 'page' }));
    await tracker.flush();
    expect(tracker.isNoop).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(loadRuntime).not.toHaveBeenCalled();
    expect(listen).not.toHaveBeenCalled();
    expect(window.history.pushState).toBe(push);
    expect(received).toHaveLength(0);
  });

  it('starts as usual with enabled: true (positive control)', async () => {
    const loadRuntime = vi.fn(async () => runtimeModule);
    const tracker = createTrackerWith({ endpoint: ENDPOINT, enabled: true }, { loadRuntime });
    live.push(tracker);
    expect(tracker.isNoop).toBe(false);
    await tracker.trackError(new Error('x'));
    expect(loadRuntime).toHaveBeenCalled();
    expect(paths()).toEqual(['/errors/report']);
  });

  it('warns once for an enabled flag that is not a boolean', () => {
    const warn = vi.fn();
    const tracker = createTrackerWith({ endpoint: ENDPOINT, enabled: 'no' as never }, { warn });
    expect(tracker.isNoop).toBe(true);
    expect(warn.mock.calls[0]?.[0]).toContain('enabled');
  });

  it('turns an unexpected failure while starting into the no-op with one warning', () => {
    const warn = vi.fn();
    const env = {
      get location(): Location {
        throw new Error('sandboxed');
      },
    };
    const tracker = createTrackerWith({ endpoint: ENDPOINT }, { env: env as never, warn });
    expect(tracker.isNoop).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('sandboxed');
  });

  it('returns a live tracker without any warning for a valid config (positive control)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tracker = track();
    expect(tracker.isNoop).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('errors', () => {
  it('posts one redacted, truncated report and resolves with the server errorId', async () => {
    const tracker = track({ release: '1.2.3', routes: ['/users/:id'] });
    window.history.pushState(null, '', '/users/42?token=abc123&tab=2#frag');
    const error = new TypeError(
      'lookup failed for jane.doe@example.com (+1 415 555 0132) with plain context',
    );
    const id = await tracker.trackError(error, {
      componentStack: '\n    at Profile',
      extra: { password: 'hunter2', keep: 'visible' },
    });
    expect(id).toMatch(/^err-\d+$/);
    expect(paths()).toEqual(['/errors/report']);
    const body = received[0]?.body ?? '';
    const payload = received[0]?.json as { error: Record<string, string>; context: Record<string, unknown> };
    // positive controls: the probe sees the surrounding text, so the absence checks below mean something
    expect(body).toContain('plain context');
    expect(body).toContain('visible');
    expect(body).not.toContain('jane.doe@example.com');
    expect(body).not.toContain('555 0132');
    expect(body).not.toContain('hunter2');
    expect(body).not.toContain('abc123');
    expect(body).not.toContain('#frag');
    expect(payload.error.type).toBe('TypeError');
    expect(payload.context).toMatchObject({
      sessionId: tracker.getSessionId(),
      route: '/users/:id',
      release: '1.2.3',
      componentStack: '\n    at Profile',
    });
    expect(received[0]?.headers.get('content-type')).toContain('text/plain');
    expect(tracker.getStats().sent).toBe(1);
  });

  it('truncates an oversized message to the core limit', async () => {
    const tracker = track();
    await tracker.trackError(new Error('a'.repeat(10_000)));
    const payload = received[0]?.json as { error: { message: string } };
    expect(payload.error.message.length).toBeLessThanOrEqual(2000);
    expect(payload.error.message.length).toBeGreaterThan(1000);
  });

  it('reports a duplicate fingerprint only once per session', async () => {
    const tracker = track();
    const make = (n: number) => new Error(`user ${n} not found`);
    // made side by side: same frames, only the volatile number differs
    const [first, second] = [make(1), make(2)];
    expect(await tracker.trackError(first)).toMatch(/^err-\d+$/);
    expect(await tracker.trackError(second)).toBeUndefined();
    expect(await tracker.trackError(new RangeError('other bug'))).toMatch(/^err-\d+$/);
    expect(paths()).toEqual(['/errors/report', '/errors/report']);
  });

  it('sends handled at error.handled (DESIGN §5.2): false for uncaught errors, true by default, as given otherwise', async () => {
    const tracker = track();
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('uncaught'), message: 'uncaught' }));
    await tracker.trackError(new Error('manual'));
    await tracker.trackError(new Error('explicit'), { handled: false });
    await tracker.flush();
    const sent = received.map(
      (r) => r.json as { error: { message: string; handled?: boolean }; context: object },
    );
    expect(sent.map((p) => [p.error.message, p.error.handled])).toEqual([
      ['uncaught', false],
      ['manual', true],
      ['explicit', false],
    ]);
    expect(sent.every((p) => !('handled' in p.context))).toBe(true);
  });

  it('captures uncaught errors and unhandled rejections through window listeners', async () => {
    const tracker = track();
    window.dispatchEvent(
      new ErrorEvent('error', { error: new Error('uncaught one'), message: 'uncaught one' }),
    );
    const rejection = new Event('unhandledrejection') as Event & { reason?: unknown };
    rejection.reason = new Error('rejected two');
    window.dispatchEvent(rejection);
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.' }));
    await tracker.flush();
    const messages = received.map((r) => (r.json as { error: { message: string } }).error.message);
    expect(messages).toEqual(['uncaught one', 'rejected two']);
  });

  it('never reports its own failures: a failing transport produces retries of one report, nothing else', async () => {
    const clock = manualClock();
    const make = scriptedRequest([
      new TypeError('Failed to fetch'),
      { status: 500 },
      { status: 503 },
      { status: 502 },
    ]);
    // The runtime chunk injected (already imported): with a manual clock, the test must not race a real import.
    const tracker = createTrackerWith(
      { endpoint: ENDPOINT },
      { clock, makeRequest: make, loadRuntime: async () => runtimeModule },
    );
    live.push(tracker);
    await tracker.flush(); // the runtime is running: the report goes out at once
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('first'), message: 'first' }));
    await clock.advance(120_000);
    await tracker.flush();
    const messages = make.calls.map(
      (c) => (JSON.parse(c.body) as { error: { message: string } }).error.message,
    );
    // positive control: the probe sees the report itself (and each retry of it)
    expect(messages).toEqual(['first', 'first', 'first', 'first']);
    expect(make.calls.every((c) => c.url === `${ENDPOINT}/errors/report`)).toBe(true);
    expect(tracker.getStats().dropped.rejected).toBe(1);
  });

  it('gives each report a batchId that its retries keep, and the next report a new one', async () => {
    errorStatuses.push(503);
    const clock = manualClock();
    const tracker = createTrackerWith(
      { endpoint: ENDPOINT },
      { clock, loadRuntime: async () => runtimeModule },
    );
    live.push(tracker);
    const first = tracker.trackError(new Error('one'));
    // The first answer (503) arrives through msw in real time; then the backoff runs on the manual clock.
    await vi.waitFor(() => expect(clock.delays).toHaveLength(1));
    await clock.advance(60_000);
    await first;
    await tracker.trackError(new Error('two'));
    const ids = received.map((r) => (r.json as { batchId?: string }).batchId);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('ignores page errors about its own endpoint (a fetch wrapper rethrowing our failed request)', async () => {
    const tracker = track();
    const own = new Event('unhandledrejection') as Event & { reason?: unknown };
    own.reason = new TypeError(`request to ${ENDPOINT}/errors/report failed`);
    window.dispatchEvent(own);
    const app = new Event('unhandledrejection') as Event & { reason?: unknown };
    app.reason = new TypeError('request to https://shop.example/cart failed');
    window.dispatchEvent(app);
    await tracker.flush();
    // positive control: the app's own failure is reported
    expect(received.map((r) => (r.json as { error: { message: string } }).error.message)).toEqual([
      'request to https://shop.example/cart failed',
    ]);
  });

  it('reports page errors whose stack runs through scripts on the endpoint origin (same-origin API)', async () => {
    const tracker = track();
    const sameOrigin = new TypeError('cart is undefined');
    sameOrigin.stack = `TypeError: cart is undefined\n    at render (${ENDPOINT}/assets/index-abc.js:1:2)`;
    window.dispatchEvent(new ErrorEvent('error', { error: sameOrigin, message: sameOrigin.message }));
    const own = new Event('unhandledrejection') as Event & { reason?: unknown };
    own.reason = new TypeError(`request to ${ENDPOINT}/metrics/web-vitals failed`);
    window.dispatchEvent(own);
    await tracker.flush();
    // the app's error is reported even though its stack mentions the endpoint's origin; our own request's is not
    expect(received.map((r) => (r.json as { error: { message: string } }).error.message)).toEqual([
      'cart is undefined',
    ]);
  });

  it('ignores errors raised while it is building a report (re-entrancy guard)', async () => {
    const tracker = track();
    const nasty = new Error('outer');
    Object.defineProperty(nasty, 'message', {
      get() {
        window.dispatchEvent(new ErrorEvent('error', { error: new Error('inner'), message: 'inner' }));
        return 'outer';
      },
    });
    await tracker.trackError(nasty);
    await tracker.flush();
    const messages = received.map((r) => (r.json as { error: { message: string } }).error.message);
    expect(messages).toEqual(['outer']);
  });

  it('stops at maxPerSession and counts the rest as dropped', async () => {
    const tracker = track({ errors: { maxPerSession: 2 } });
    for (const name of ['a', 'b', 'c']) await tracker.trackError(new Error(name));
    expect(paths()).toHaveLength(2);
    expect(tracker.getStats().dropped.rejected).toBe(1);
  });

  it('sends nothing while errors consent is off, and sends once it is given (positive control)', async () => {
    const tracker = track({ consent: { errors: false } });
    expect(await tracker.trackError(new Error('private'))).toBeUndefined();
    expect(received).toHaveLength(0);
    expect(tracker.getStats().dropped.consent).toBe(1);
    tracker.setConsent({ errors: true });
    expect(await tracker.trackError(new Error('allowed'))).toMatch(/^err-\d+$/);
    expect(received).toHaveLength(1);
  });
});

describe('web vitals', () => {
  it('batches reports to /metrics/web-vitals with the session id and route pattern', async () => {
    const tracker = track({ routes: ['/orders/:orderId'] });
    window.history.pushState(null, '', '/orders/991?coupon=x');
    emitVital('LCP', 1250.5);
    emitVital('TTFB', -3);
    emitVital('LCP', 12, { name: 'FID' });
    await tracker.flush();
    expect(paths()).toEqual(['/metrics/web-vitals']);
    const payload = received[0]?.json as { sessionId: string; metrics: Record<string, unknown>[] };
    expect(payload.sessionId).toBe(tracker.getSessionId());
    expect((payload as { batchId?: string }).batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.metrics.map((m) => [m.name, m.value, m.route])).toEqual([
      ['LCP', 1250.5, '/orders/:orderId'],
      ['TTFB', 0, '/orders/:orderId'],
    ]);
    expect(tracker.getStats()).toMatchObject({ sent: 2, dropped: { rejected: 1 } });
  });

  it('collapses unknown paths to other and uses a route function when given', async () => {
    const tracker = track({ routes: (url) => (url.pathname.startsWith('/a') ? '/a/*' : 'nope'.repeat(100)) });
    window.history.pushState(null, '', '/a/1');
    emitVital('FCP', 900);
    window.history.pushState(null, '', '/b');
    emitVital('LCP', 1000);
    await tracker.flush();
    const metrics = (received[0]!.json as { metrics: { name: string; route: string }[] }).metrics;
    // Each on the route it was measured on (its entry's time), not the route current when it is sent.
    expect(Object.fromEntries(metrics.map((m) => [m.name, m.route]))).toEqual({ FCP: '/a/*', LCP: 'other' });
  });

  it('sends nothing and counts nothing when errors are disabled with errors: false', async () => {
    const tracker = track({ errors: false });
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('x'), message: 'x' }));
    expect(await tracker.trackError(new Error('manual'))).toBeUndefined();
    await tracker.flush();
    expect(received).toHaveLength(0);
    expect(tracker.getStats().dropped).toMatchObject({ consent: 0, rejected: 0 });
  });

  it('drops everything as sampled_out at sampleRate 0', async () => {
    const tracker = track({ webVitals: { sampleRate: 0 } });
    emitVital('LCP', 1000);
    await tracker.flush();
    expect(received).toHaveLength(0);
    expect(tracker.getStats().dropped.sampled_out).toBe(1);
  });

  it('sends the final CLS/INP that web-vitals reports on hide, by beacon, after web-vitals ran', async () => {
    const beacons: string[] = [];
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (_url: string, data: Blob) => {
        void data.text().then((t) => beacons.push(t));
        return true;
      },
    });
    const tracker = track();
    await tracker.flush(); // the runtime is running: web vitals are subscribed
    emitVital('LCP', 800);
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    await flushMicrotasks();
    await tracker.flush();
    const names = beacons.flatMap(
      (b) => (JSON.parse(b) as { metrics: { name: string; id: string }[] }).metrics,
    );
    // LCP (queued before) proves the beacon probe works; CLS/INP prove the ordering.
    expect(names.map((m) => m.id)).toEqual(['v5-LCP-1', 'v5-CLS-final', 'v5-INP-final']);
    Reflect.deleteProperty(navigator, 'sendBeacon');
  });

  it('drops queued metrics with reason consent when performance consent is revoked', async () => {
    const tracker = track();
    emitVital('LCP', 800);
    emitVital('FCP', 700);
    tracker.setConsent({ performance: false });
    emitVital('CLS', 0.1);
    await tracker.flush();
    expect(received).toHaveLength(0);
    expect(tracker.getStats().dropped.consent).toBe(3);
  });
});

describe('Umami', () => {
  const umami = { websiteId: WEBSITE_ID, hostUrl: UMAMI_HOST };
  type Sent = { type: string; payload: Record<string, unknown> & { data?: Record<string, unknown> } };

  it('sends a page view on start and on client-side navigation, and events with redacted data', async () => {
    window.history.replaceState(null, '', '/start?email=a@b.co');
    const tracker = track({ umami, environment: 'staging' });
    window.history.pushState(null, '', '/next');
    window.history.replaceState({ scroll: 1 }, '', '/next');
    tracker.trackEvent('signup', { plan: 'pro', password: 'hunter2' });
    await tracker.flush();
    const sent = received.map((r) => r.json as Sent);
    expect(sent.map((s) => [s.payload.name ?? 'view', new URL(String(s.payload.url)).pathname])).toEqual([
      ['view', '/start'],
      ['view', '/next'],
      ['signup', '/next'],
    ]);
    expect(sent[0]?.payload).toMatchObject({
      website: WEBSITE_ID,
      hostname: 'localhost',
      data: { sessionId: tracker.getSessionId(), environment: 'staging' },
    });
    expect(JSON.stringify(sent[0])).not.toContain('a@b.co');
    expect(sent[1]?.payload.referrer).toBe(sent[0]?.payload.url);
    expect(sent[2]?.payload.data).toEqual({
      plan: 'pro',
      password: '[REDACTED]',
      sessionId: tracker.getSessionId(),
      environment: 'staging',
    });
    expect(received[0]?.url).toBe(`${UMAMI_HOST}/api/send`);
  });

  const views = () =>
    received.map((r) => {
      const p = (r.json as Sent).payload;
      return [new URL(String(p.url)).pathname, p.data?.route];
    });

  it('sends the route of an explicit page view for a navigation the history hook saw first (router integration)', async () => {
    const tracker = track({ umami });
    window.history.pushState(null, '', '/users/7');
    tracker.trackPageView(undefined, { route: '/users/:id' });
    tracker.trackPageView('/other', { route: '/other', title: 'Other' });
    await tracker.flush();
    expect((received.at(-1)!.json as Sent).payload).toMatchObject({
      title: 'Other',
      data: { route: '/other' },
    });
    // The app reports page views from its first call on: no route-less view of its own shadows the app's.
    expect(views()).toEqual([
      ['/users/7', '/users/:id'],
      ['/other', '/other'],
    ]);
  });

  it('keeps the route on a hard load and on every later navigation once the app reports page views', async () => {
    window.history.replaceState(null, '', '/users/7');
    const tracker = track({ umami });
    tracker.trackPageView(undefined, { route: '/users/:id' });
    await tracker.flush();
    window.history.pushState(null, '', '/users/8');
    tracker.trackPageView(undefined, { route: '/users/:id' });
    window.history.back();
    await vi.waitFor(() => expect(window.location.pathname).toBe('/users/7'));
    tracker.trackPageView(undefined, { route: '/users/:id' });
    await tracker.flush();
    expect(views()).toEqual([
      ['/users/7', '/users/:id'],
      ['/users/8', '/users/:id'],
      ['/users/7', '/users/:id'],
    ]);
  });

  it("puts the pattern of the tracker's routes on its own page views", async () => {
    window.history.replaceState(null, '', '/users/7');
    const tracker = track({ umami, routes: ['/users/:id'] });
    window.history.pushState(null, '', '/nowhere');
    await tracker.flush();
    expect(views()).toEqual([
      ['/users/7', '/users/:id'],
      ['/nowhere', 'other'],
    ]);
  });

  it('warns once with console.warn when page views or events are used without Umami, and sends nothing', async () => {
    const warn = vi.fn();
    const tracker = createTrackerWith({ endpoint: ENDPOINT }, { clock: manualClock(), warn });
    live.push(tracker);
    tracker.trackEvent('signup');
    tracker.trackPageView();
    tracker.trackEvent('again');
    await tracker.flush();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/\[usermetrics\] trackEvent\(\) needs umami/);
    expect(received).toHaveLength(0);
  });

  it('does not warn when Umami is configured (positive control)', async () => {
    const warn = vi.fn();
    const tracker = createTrackerWith({ endpoint: ENDPOINT, umami }, { clock: manualClock(), warn });
    live.push(tracker);
    tracker.trackEvent('signup');
    await tracker.flush();
    expect(warn).not.toHaveBeenCalled();
    expect(received.map((r) => (r.json as Sent).payload.name)).toContain('signup');
  });

  it('rejects event names and data Umami would refuse, without a request', async () => {
    const tracker = track({ umami });
    await tracker.flush();
    received.length = 0;
    for (const name of ['=SUM(A1)', '+1', '-x', '@x', '\tx', '\rx', 'x'.repeat(51), ''])
      tracker.trackEvent(name);
    tracker.trackEvent('ok', [1, 2] as unknown as Record<string, unknown>);
    tracker.trackEvent('valid-name');
    await tracker.flush();
    expect(received.map((r) => (r.json as Sent).payload.name)).toEqual(['valid-name']);
    expect(tracker.getStats().dropped.rejected).toBe(9);
  });

  it('sends nothing under Do Not Track, and does with DNT off (positive control)', async () => {
    Object.defineProperty(navigator, 'doNotTrack', { configurable: true, value: '1' });
    const dnt = track({ umami });
    dnt.trackEvent('x');
    await dnt.flush();
    expect(received).toHaveLength(0);
    expect(dnt.getConsent()).toMatchObject({ analytics: false, errors: true });
    Reflect.deleteProperty(navigator, 'doNotTrack');
    const normal = track({ umami });
    normal.trackEvent('x');
    await normal.flush();
    expect(received.map((r) => (r.json as Sent).payload.name ?? 'view')).toEqual(['view', 'x']);
  });

  it('waits for DOMContentLoaded before the first page view while the document is loading', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, value: 'loading' });
    const tracker = track({ umami });
    await tracker.flush();
    expect(received).toHaveLength(0);
    Object.defineProperty(document, 'readyState', { configurable: true, value: 'complete' });
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await tracker.flush();
    expect(received.map((r) => (r.json as Sent).payload.name ?? 'view')).toEqual(['view']);
  });

  it("with consent 'pending' sends the first page view only once analytics is granted", async () => {
    const tracker = track({ umami, consent: 'pending' });
    await tracker.flush();
    expect(received).toHaveLength(0);
    tracker.setConsent({ analytics: true });
    await tracker.flush();
    expect(received.map((r) => (r.json as Sent).payload.name ?? 'view')).toEqual(['view']);
  });

  it('restores history.pushState/replaceState on shutdown and stops sending page views', async () => {
    const push = window.history.pushState;
    const replace = window.history.replaceState;
    const tracker = track({ umami });
    expect(window.history.pushState).not.toBe(push);
    await tracker.shutdown();
    expect(window.history.pushState).toBe(push);
    expect(window.history.replaceState).toBe(replace);
    received.length = 0;
    window.history.pushState(null, '', '/after-shutdown');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await flushMicrotasks();
    expect(received).toHaveLength(0);
  });
});

describe('shutdown', () => {
  it('is idempotent, removes listeners and hooks, and flushes what was queued', async () => {
    // msw makes fetch read-only here, so the XHR half of the header hook is what we can observe.
    const openBefore = window.XMLHttpRequest.prototype.open;
    const tracker = track({ propagateToOrigins: ['https://api.example.com'] });
    expect(window.XMLHttpRequest.prototype.open).not.toBe(openBefore);
    await tracker.flush(); // the runtime is running: web vitals are subscribed
    emitVital('LCP', 1000);
    const first = tracker.shutdown();
    expect(tracker.shutdown()).toBe(first);
    await first;
    expect(window.XMLHttpRequest.prototype.open).toBe(openBefore);
    expect(paths()).toEqual(['/metrics/web-vitals']);
    received.length = 0;
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('late'), message: 'late' }));
    emitVital('CLS', 0.1);
    await expect(tracker.trackError(new Error('late manual'))).resolves.toBeUndefined();
    await tracker.flush();
    expect(received).toHaveLength(0);
  });

  it('keeps public calls from throwing even with hostile input', async () => {
    const tracker = track({ umami: { websiteId: WEBSITE_ID, hostUrl: UMAMI_HOST } });
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => tracker.trackEvent('x', hostile as Record<string, unknown>)).not.toThrow();
    expect(() => tracker.setConsent(null as unknown as Partial<Record<'errors', boolean>>)).not.toThrow();
    await expect(tracker.trackError(hostile)).resolves.toSatisfy(
      (v) => v === undefined || typeof v === 'string',
    );
    expect(() => tracker.trackPageView('http://[::bad')).not.toThrow();
  });
});
