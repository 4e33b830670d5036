// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeServers,
  ENDPOINT,
  flushMicrotasks,
  scriptedRequest,
  UMAMI_HOST,
  WEBSITE_ID,
} from '../../test/helpers';
import { emitVital, resetVitals } from '../../test/web-vitals-mock';
import * as runtimeModule from '../runtime/start-runtime';
import type { Tracker, TrackerConfig } from '../types';
import { createTrackerWith, type TrackerDeps } from './create-tracker';

vi.mock('web-vitals', async () => (await import('../../test/web-vitals-mock')).makeWebVitalsMock());

// What the loader does before the load event, and how the runtime chunk takes its queue over after it.
const { server, received } = createFakeServers();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const umami = { websiteId: WEBSITE_ID, hostUrl: UMAMI_HOST };
const live: Tracker[] = [];
function track(config: Partial<TrackerConfig>, deps: TrackerDeps = {}): Tracker {
  const tracker = createTrackerWith({ endpoint: ENDPOINT, ...config }, deps);
  live.push(tracker);
  return tracker;
}
const setReadyState = (state: DocumentReadyState) =>
  Object.defineProperty(document, 'readyState', { configurable: true, value: state });
const paths = () => received.map((r) => r.path);
const setVisibility = (state: DocumentVisibilityState) =>
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: state });

beforeEach(() => {
  resetVitals();
  received.length = 0;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.shutdown()));
  setReadyState('complete');
  Reflect.deleteProperty(document, 'visibilityState');
  vi.restoreAllMocks();
});

describe('before the load event', () => {
  it('only records (an error fetches the runtime chunk, nothing more): no storage access, no request; the rest happens after load', async () => {
    setReadyState('loading');
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const loadRuntime = vi.fn(async () => runtimeModule);
    track({ umami, transport: { flushIntervalMs: 10 } }, { loadRuntime });
    emitVital('TTFB', 120);
    emitVital('FCP', 900);
    window.history.pushState(null, '', '/during-load');
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('early'), message: 'early' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(loadRuntime).toHaveBeenCalledTimes(1); // fetched for the error, not started
    expect(getItem).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);

    setReadyState('complete');
    window.dispatchEvent(new Event('load'));
    // positive control: the same probes see the work once the page has loaded (idle callbacks)
    await vi.waitFor(() => expect(paths()).toContain('/metrics/web-vitals'), { timeout: 3000 });
    await vi.waitFor(() => expect(paths().filter((p) => p === '/api/send')).toHaveLength(2), {
      timeout: 3000,
    });
    expect(paths()).toContain('/errors/report');
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    expect(getItem).toHaveBeenCalled();
    const views = received
      .filter((r) => r.path === '/api/send')
      .map((r) => r.json as { payload: { url: string } });
    // the first view is for the page as it was created, then the navigation recorded during load
    expect(views.map((v) => new URL(v.payload.url).pathname)).toEqual(['/', '/during-load']);
    const vitals = received.find((r) => r.path === '/metrics/web-vitals')?.json as {
      sessionId: string;
      metrics: { name: string; url: string }[];
    };
    // measured on '/' (their entries' time), though the page was on '/during-load' when they were reported
    expect(vitals.metrics.map((m) => [m.name, new URL(m.url).pathname])).toEqual([
      ['FCP', '/'],
      ['TTFB', '/'],
    ]);
    expect(vitals.sessionId).toBe(live[0]?.getSessionId());
  });

  it('after load, spreads its work over separate idle callbacks: import, storage, first view built then sent, errors, vitals in two', async () => {
    const idle: (() => void)[] = [];
    const names = ['requestIdleCallback', 'cancelIdleCallback'] as const;
    const originals = names.map((name) => Object.getOwnPropertyDescriptor(window, name));
    Object.defineProperty(window, 'requestIdleCallback', {
      configurable: true,
      value: (cb: () => void) => idle.push(cb),
    });
    Object.defineProperty(window, 'cancelIdleCallback', { configurable: true, value: () => {} });
    const runIdle = async () => {
      expect(idle).toHaveLength(1);
      idle.shift()?.();
      await flushMicrotasks();
    };
    try {
      const stored = () => window.sessionStorage.getItem('usermetrics.session');
      const loadRuntime = vi.fn(async () => runtimeModule);
      const make = scriptedRequest([]);
      const tracker = track({ umami, transport: { flushIntervalMs: 0 } }, { loadRuntime, makeRequest: make });
      emitVital('TTFB', 120);
      void tracker.trackError(new Error('queued'));
      const sentPaths = () => make.calls.map((c) => new URL(c.url).pathname);
      await new Promise((r) => setTimeout(r, 20));
      expect(loadRuntime).toHaveBeenCalledTimes(1); // the error fetched the chunk; none of it has run

      await runIdle(); // 1: the runtime is started from that chunk (not fetched again), nothing else
      expect(loadRuntime).toHaveBeenCalledTimes(1);
      expect(stored()).toBeNull();

      await runIdle(); // 2: transport, and the session's storage read (and first write)
      expect(stored()).toContain('"id"');
      await new Promise((r) => setTimeout(r, 20));
      expect(sentPaths()).toEqual([]);

      const title = document.title;
      document.title = 'Built in step 3';
      await runIdle(); // 3: the first page view's payload, its request held
      document.title = 'Changed before step 4';
      await new Promise((r) => setTimeout(r, 20));
      expect(sentPaths()).toEqual([]);

      await runIdle(); // 4: the first page view's request, with the payload step 3 built
      await vi.waitFor(() => expect(sentPaths()).toEqual(['/api/send']));
      expect(JSON.parse(make.calls[0]?.body ?? '{}').payload.title).toBe('Built in step 3');
      document.title = title;

      await runIdle(); // 5: error processing takes the queue over: the queued report goes out
      await vi.waitFor(() => expect(sentPaths()).toEqual(['/api/send', '/errors/report']));

      await runIdle(); // 6: LCP, INP, CLS subscribe: the buffered TTFB is not theirs
      await new Promise((r) => setTimeout(r, 20));
      expect(sentPaths()).toEqual(['/api/send', '/errors/report']);

      await runIdle(); // 7: FCP, TTFB subscribe; the buffered TTFB is queued (and sent by the 0 ms timer)
      await vi.waitFor(() =>
        expect(sentPaths()).toEqual(['/api/send', '/errors/report', '/metrics/web-vitals']),
      );
      // no replay configured: no step for it
      expect(idle).toHaveLength(0);
      await tracker.shutdown(); // its cancellers run against the stubs
    } finally {
      names.forEach((name, i) => {
        const original = originals[i];
        if (original) Object.defineProperty(window, name, original);
        else Reflect.deleteProperty(window, name);
      });
    }
  });

  it('queues errors captured before load, fetches the runtime chunk for them at once, and reports them once the runtime takes over', async () => {
    setReadyState('loading');
    const loadRuntime = vi.fn(async () => runtimeModule);
    const tracker = track({ umami }, { loadRuntime });
    tracker.trackEvent('not an error');
    await new Promise((r) => setTimeout(r, 20));
    expect(loadRuntime).not.toHaveBeenCalled(); // control: other calls wait for idle time after load
    window.dispatchEvent(
      new ErrorEvent('error', { error: new TypeError('early one'), message: 'early one' }),
    );
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    const id = tracker.trackError(new RangeError('early two'));
    await new Promise((r) => setTimeout(r, 20));
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    expect(received).toHaveLength(0); // fetched, not started: nothing is sent before load
    await tracker.flush(); // a flush cannot wait for the load event: it loads the runtime now
    await expect(id).resolves.toMatch(/^err-\d+$/);
    const messages = received
      .filter((r) => r.path === '/errors/report')
      .map((r) => (r.json as { error: { message: string } }).error.message);
    expect(messages.sort()).toEqual(['early one', 'early two']);
    expect(loadRuntime).toHaveBeenCalledTimes(1);
  });

  it('starts the runtime at once and sends queued errors (keepalive) when the page is hidden before idle', async () => {
    setReadyState('loading');
    const loadRuntime = vi.fn(async () => runtimeModule);
    const make = scriptedRequest([{ status: 201, body: '{"errorId":"err-1"}' }]);
    const tracker = track({}, { loadRuntime, makeRequest: make });
    const id = tracker.trackError(new Error('queued before idle'));
    // a visible-again event is not a hide: nothing loads
    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(loadRuntime).toHaveBeenCalledTimes(1); // fetched for the error, not started
    expect(make.calls).toHaveLength(0);

    // positive control for the above: the same wait after a hide sees the report, though load never came
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await vi.waitFor(() => expect(make.calls).toHaveLength(1));
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    expect(make.calls[0]).toMatchObject({
      url: `${ENDPOINT}/errors/report`,
      keepalive: true,
      readBody: true,
    });
    expect(JSON.parse(make.calls[0]?.body ?? '{}').error.message).toBe('queued before idle');
    await expect(id).resolves.toBe('err-1');
    // the runtime runs now: a later hide with nothing queued sends nothing more
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((r) => setTimeout(r, 20));
    expect(make.calls).toHaveLength(1);
  });

  it('sends queued Umami calls with keepalive after a hide before idle, and without while visible', async () => {
    setReadyState('interactive'); // DOM parsed (the first view can go), load not yet fired
    const make = scriptedRequest([]);
    const tracker = track({ umami, errors: false }, { makeRequest: make });
    tracker.trackEvent('before hide');
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await vi.waitFor(() => expect(make.calls).toHaveLength(2));
    const sent = make.calls.map((c) => [JSON.parse(c.body).payload.name, c.keepalive]);
    expect(sent).toEqual([
      [undefined, true], // the first page view
      ['before hide', true],
    ]);
    // positive control: visible again, a request goes without keepalive
    setVisibility('visible');
    tracker.trackEvent('visible');
    await vi.waitFor(() => expect(make.calls).toHaveLength(3));
    expect(make.calls[2]?.keepalive).toBe(false);
  });

  it('treats pagehide as a hide even while the page still says visible (Safari), and unlistens on shutdown', async () => {
    setReadyState('loading');
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const make = scriptedRequest([]);
    const tracker = track({ errors: { captureGlobal: false } }, { makeRequest: make });
    // the loader's own (the runtime's vitals add theirs later)
    const hideListeners = added.mock.calls.filter(
      ([type]) => type === 'visibilitychange' || type === 'pagehide',
    );
    expect(hideListeners).toHaveLength(2);
    void tracker.trackError(new Error('before pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() =>
      expect(make.calls.map((c) => new URL(c.url).pathname)).toEqual(['/errors/report']),
    );
    await tracker.shutdown();
    for (const [type, listener] of hideListeners) {
      expect(removed).toHaveBeenCalledWith(type, listener);
    }
  });

  it('buffers at most 100 calls while the chunk loads and counts the rest as queue_full', async () => {
    setReadyState('interactive');
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const make = scriptedRequest([]);
    const tracker = track(
      { umami, errors: false },
      { loadRuntime: () => gate.then(() => runtimeModule), makeRequest: make },
    );
    for (let i = 0; i < 105; i++) tracker.trackEvent(`event-${i}`);
    expect(tracker.getStats().dropped.queue_full).toBe(5);
    release();
    await tracker.flush();
    const names = make.calls.map((c) => (JSON.parse(c.body) as { payload: { name?: string } }).payload.name);
    // the first page view, then the 100 buffered events in order
    expect(names.filter((n) => n === undefined)).toHaveLength(1);
    expect(names.filter((n) => n !== undefined)).toEqual(Array.from({ length: 100 }, (_, i) => `event-${i}`));
  });

  it('counts queued calls as rejected and resolves trackError with undefined when the runtime fails to load', async () => {
    setReadyState('loading');
    const tracker = track({ umami }, { loadRuntime: () => Promise.reject(new Error('chunk 404')) });
    tracker.trackEvent('lost');
    const lost = tracker.trackError(new Error('lost too'));
    await tracker.flush();
    await expect(lost).resolves.toBeUndefined();
    expect(tracker.getStats().dropped.rejected).toBe(2);
    // later calls settle at once and count too
    await expect(tracker.trackError(new Error('after'))).resolves.toBeUndefined();
    expect(tracker.getStats().dropped.rejected).toBe(3);
    expect(received).toHaveLength(0);
    // positive control: the same calls with a runtime that loads are sent
    const working = track({ umami });
    working.trackEvent('kept');
    await working.flush();
    expect(paths()).toContain('/api/send');
  });

  it('keeps public calls from throwing once the features are loaded too', async () => {
    const tracker = track({ umami });
    await tracker.flush(); // loads the features
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
    expect(() => tracker.trackPageView('http://[::bad')).not.toThrow();
    await expect(tracker.trackError(hostile)).resolves.toSatisfy(
      (v) => v === undefined || typeof v === 'string',
    );
    // positive control: an ordinary event still goes out
    tracker.trackEvent('fine');
    await tracker.flush();
    expect(received.map((r) => (r.json as { payload?: { name?: string } }).payload?.name)).toContain('fine');
  });
});
