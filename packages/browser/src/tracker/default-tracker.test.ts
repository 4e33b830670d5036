// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getTracker,
  initializeTracking,
  reportError,
  reportWebVitals,
  setupGlobalErrorHandlers,
  trackError,
  trackPageView,
} from './default-tracker';

vi.mock('web-vitals', async () => (await import('../../test/web-vitals-mock')).makeWebVitalsMock());

const bodies: string[] = [];
const realFetch = globalThis.fetch;
afterEach(async () => {
  await getTracker().shutdown();
  globalThis.fetch = realFetch;
  bodies.length = 0;
});

function stubFetch() {
  globalThis.fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(String(init?.body));
    return new Response('{"success":true,"errorId":"srv-1"}', { status: 200 });
  }) as typeof fetch;
}

describe('default instance helpers', () => {
  it('are safe no-ops before initializeTracking', async () => {
    expect(getTracker().isNoop).toBe(true);
    trackPageView('/x');
    reportWebVitals();
    setupGlobalErrorHandlers();
    await expect(trackError(new Error('x'))).resolves.toBeUndefined();
  });

  it('route to the tracker created by initializeTracking, replacing (and shutting down) the previous one', async () => {
    stubFetch();
    await initializeTracking({ endpoint: 'https://api.example.com', errors: { captureGlobal: false } });
    const first = getTracker();
    expect(first.isNoop).toBe(false);
    expect(await reportError(new Error('via reportError'))).toBe('srv-1');
    expect(await trackError(new Error('via trackError'))).toBe('srv-1');
    await initializeTracking({ endpoint: 'https://api.example.com' });
    expect(getTracker()).not.toBe(first);
    await expect(first.trackError(new Error('old'))).resolves.toBeUndefined();
  });

  it('setupGlobalErrorHandlers turns global capture on after captureGlobal: false', async () => {
    stubFetch();
    await initializeTracking({ endpoint: 'https://api.example.com', errors: { captureGlobal: false } });
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('before'), message: 'before' }));
    await getTracker().flush();
    expect(bodies).toHaveLength(0);
    setupGlobalErrorHandlers();
    setupGlobalErrorHandlers();
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('after'), message: 'after' }));
    await getTracker().flush();
    expect(bodies.map((b) => JSON.parse(b).error.message)).toEqual(['after']);
  });
});
