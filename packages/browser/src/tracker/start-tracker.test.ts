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
import { emitVital } from '../../test/web-vitals-mock';
import * as featuresModule from '../features/features';
import type { Tracker, TrackerConfig } from '../types';
import { createTrackerWith, type TrackerDeps } from './create-tracker';

vi.mock('web-vitals', async () => (await import('../../test/web-vitals-mock')).makeWebVitalsMock());

// What the critical path does before the load event, and how the lazily loaded features take over.
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

beforeEach(() => {
  received.length = 0;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.shutdown()));
  setReadyState('complete');
  vi.restoreAllMocks();
});

describe('before the load event', () => {
  it('only records: no features chunk, no storage access, no request; all of it happens after load', async () => {
    setReadyState('loading');
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const loadFeatures = vi.fn(async () => featuresModule);
    track({ umami, transport: { flushIntervalMs: 10 } }, { loadFeatures });
    emitVital('TTFB', 120);
    emitVital('FCP', 900);
    window.history.pushState(null, '', '/during-load');
    await new Promise((r) => setTimeout(r, 50));
    expect(loadFeatures).not.toHaveBeenCalled();
    expect(getItem).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);

    setReadyState('complete');
    window.dispatchEvent(new Event('load'));
    // positive control: the same probes see the work once the page has loaded (idle callback)
    await vi.waitFor(() => expect(paths()).toContain('/metrics/web-vitals'), { timeout: 3000 });
    await vi.waitFor(() => expect(paths().filter((p) => p === '/api/send')).toHaveLength(2), {
      timeout: 3000,
    });
    expect(loadFeatures).toHaveBeenCalledTimes(1);
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
    expect(vitals.metrics.map((m) => [m.name, new URL(m.url).pathname])).toEqual([
      ['TTFB', '/'],
      ['FCP', '/'],
    ]);
    expect(vitals.sessionId).toBe(live[0]?.getSessionId());
  });

  it('after load, spreads its work over separate idle callbacks: storage, vitals, import and start, first view', async () => {
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
      const loadFeatures = vi.fn(async () => featuresModule);
      const make = scriptedRequest([]);
      const tracker = track(
        { umami, transport: { flushIntervalMs: 0 } },
        { loadFeatures, makeRequest: make },
      );
      emitVital('TTFB', 120);
      const sentPaths = () => make.calls.map((c) => new URL(c.url).pathname);
      await new Promise((r) => setTimeout(r, 20));
      expect(stored()).toBeNull();

      await runIdle(); // 1: the session's storage read (and first write), nothing else
      expect(stored()).toContain('"id"');
      await new Promise((r) => setTimeout(r, 20));
      expect(sentPaths()).toEqual([]);
      expect(loadFeatures).not.toHaveBeenCalled();

      await runIdle(); // 2: the buffered vitals are queued (and sent by the 0 ms flush timer)
      await vi.waitFor(() => expect(sentPaths()).toEqual(['/metrics/web-vitals']));
      expect(loadFeatures).not.toHaveBeenCalled();

      await runIdle(); // 3: the features chunk is imported and started, without the first page view yet
      expect(loadFeatures).toHaveBeenCalledTimes(1);
      expect(sentPaths()).toEqual(['/metrics/web-vitals']);

      await runIdle(); // 4: the first page view
      await vi.waitFor(() => expect(sentPaths()).toEqual(['/metrics/web-vitals', '/api/send']));
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

  it('loads the features at once for an error, and reports errors captured before they arrived', async () => {
    setReadyState('loading');
    const loadFeatures = vi.fn(async () => featuresModule);
    const tracker = track({}, { loadFeatures });
    window.dispatchEvent(
      new ErrorEvent('error', { error: new TypeError('early one'), message: 'early one' }),
    );
    expect(loadFeatures).toHaveBeenCalledTimes(1);
    const id = await tracker.trackError(new RangeError('early two'));
    expect(id).toMatch(/^err-\d+$/);
    await tracker.flush();
    const messages = received.map((r) => (r.json as { error: { message: string } }).error.message);
    expect(messages.sort()).toEqual(['early one', 'early two']);
    expect(loadFeatures).toHaveBeenCalledTimes(1);
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
      { loadFeatures: () => gate.then(() => featuresModule), makeRequest: make },
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

  it('counts buffered calls as rejected and resolves trackError with undefined when the chunk fails to load', async () => {
    setReadyState('loading');
    const tracker = track({ umami }, { loadFeatures: () => Promise.reject(new Error('chunk 404')) });
    tracker.trackEvent('lost');
    await expect(tracker.trackError(new Error('lost too'))).resolves.toBeUndefined();
    await tracker.flush();
    expect(tracker.getStats().dropped.rejected).toBe(2);
    // web vitals do not depend on the chunk (positive control: the tracker still sends)
    emitVital('LCP', 1000);
    await tracker.flush();
    expect(paths()).toEqual(['/metrics/web-vitals']);
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
