// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('SSR safety', () => {
  it('imports and runs every public function under Node without touching globals', async () => {
    expect(typeof window).toBe('undefined');
    const before = new Map(
      Object.getOwnPropertyNames(globalThis).map((k) => [k, Reflect.get(globalThis, k)]),
    );
    const api = await import('./index');
    const tracker = api.createTracker({
      endpoint: 'https://api.example.com',
      umami: { websiteId: '4f6d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f', hostUrl: 'https://umami.example.com' },
      replay: { projectKey: 'k', ingestPoint: 'https://or.example.com' },
      propagateToOrigins: ['https://api.example.com'],
    });
    expect(tracker.isNoop).toBe(true);
    tracker.trackPageView('/x', { title: 't' });
    tracker.trackEvent('e', { a: 1 });
    expect(await tracker.trackError(new Error('x'))).toBeUndefined();
    tracker.setConsent({ analytics: false });
    expect(tracker.getConsent()).toEqual({
      errors: false,
      performance: false,
      analytics: false,
      replay: false,
    });
    expect(tracker.getSessionId()).toBe('');
    expect(tracker.getReplayUrl()).toBeUndefined();
    expect(tracker.getStats().sent).toBe(0);
    await tracker.flush();
    await tracker.shutdown();
    await api.initializeTracking({ endpoint: 'https://api.example.com' });
    api.trackPageView();
    api.reportWebVitals();
    api.setupGlobalErrorHandlers();
    expect(await api.trackError(new Error('x'))).toBeUndefined();
    expect(await api.reportError(new Error('x'))).toBeUndefined();
    expect(api.getTracker().isNoop).toBe(true);
    expect(api.createNoopTracker().isNoop).toBe(true);

    const after = Object.getOwnPropertyNames(globalThis);
    // positive control: the probe notices a global we add ourselves
    Reflect.set(globalThis, '__probe__', 1);
    expect(Object.getOwnPropertyNames(globalThis)).toContain('__probe__');
    Reflect.deleteProperty(globalThis, '__probe__');
    expect(after.filter((k) => !before.has(k))).toEqual([]);
    const changed = [...before].filter(([k, v]) => !Object.is(Reflect.get(globalThis, k), v)).map(([k]) => k);
    expect(changed).toEqual([]);
  });
});
