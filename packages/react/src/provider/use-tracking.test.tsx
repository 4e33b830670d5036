import { act, cleanup, render, renderHook } from '@testing-library/react';
import type { Tracker } from '@usermetrics/browser';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker } from '../../test/fake-tracker';
import { TrackingProvider } from './tracking-provider';
import { useTracking } from './use-tracking';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

function withTracker(tracker: Tracker) {
  return ({ children }: { children: ReactNode }) => (
    <TrackingProvider tracker={tracker}>{children}</TrackingProvider>
  );
}

describe('useTracking', () => {
  it('forwards every call to the provider tracker', async () => {
    const tracker = createFakeTracker();
    tracker.replayUrl = 'https://replay.example.com/s/1';
    const { result } = renderHook(() => useTracking(), { wrapper: withTracker(tracker) });

    result.current.trackEvent('signup', { plan: 'pro' });
    result.current.trackPageView('https://app.example.com/a', { route: '/a' });
    result.current.setConsent({ replay: true });
    const errorId = await result.current.trackError(new Error('x'), { handled: true });

    expect(tracker.calls.map((c) => c.method)).toEqual([
      'trackEvent',
      'trackPageView',
      'setConsent',
      'trackError',
    ]);
    expect(tracker.callsOf('trackEvent')[0]).toEqual(['signup', { plan: 'pro' }]);
    expect(tracker.callsOf('trackPageView')[0]).toEqual(['https://app.example.com/a', { route: '/a' }]);
    expect(errorId).toMatch(/^error-/);
    expect(result.current.sessionId).toBe(tracker.sessionId);
    expect(result.current.getReplayUrl()).toBe('https://replay.example.com/s/1');
    expect(result.current.tracker).toBe(tracker);
  });

  it('keeps the same functions across renders with the same tracker', () => {
    const tracker = createFakeTracker();
    const { result, rerender } = renderHook(() => useTracking(), { wrapper: withTracker(tracker) });
    const first = result.current;
    rerender();
    expect(result.current.trackEvent).toBe(first.trackEvent);
    expect(result.current.trackError).toBe(first.trackError);
  });

  it('never throws and resolves undefined when the tracker throws or rejects', async () => {
    const tracker = createFakeTracker();
    const boom = (): never => {
      throw new Error('tracker bug');
    };
    Object.assign(tracker, {
      trackEvent: boom,
      trackPageView: boom,
      setConsent: boom,
      getReplayUrl: boom,
      getSessionId: boom,
    });
    tracker.nextErrorId = () => Promise.reject(new Error('rejected'));
    const { result } = renderHook(() => useTracking(), { wrapper: withTracker(tracker) });

    expect(() => result.current.trackEvent('x')).not.toThrow();
    expect(() => result.current.trackPageView()).not.toThrow();
    expect(() => result.current.setConsent({ analytics: false })).not.toThrow();
    expect(result.current.getReplayUrl()).toBeUndefined();
    expect(result.current.sessionId).toBe('');
    await expect(result.current.trackError(new Error('y'))).resolves.toBeUndefined();
    tracker.trackError = boom;
    await expect(result.current.trackError(new Error('z'))).resolves.toBeUndefined();
  });

  it('outside a provider returns working no-ops and warns once in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result, rerender } = renderHook(() => useTracking());
    rerender();
    render(<Probe />);

    expect(result.current.tracker.isNoop).toBe(true);
    expect(() => result.current.trackEvent('x')).not.toThrow();
    await expect(result.current.trackError(new Error('x'))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('No <TrackingProvider>');
  });

  it('outside a provider stays silent in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fresh = await import('./use-tracking');
    const { result } = renderHook(() => fresh.useTracking());
    act(() => result.current.trackEvent('x'));
    expect(result.current.tracker.isNoop).toBe(true);
    expect(warn).not.toHaveBeenCalled();

    // Positive control: the same probe sees the warning from a fresh module in development.
    vi.stubEnv('NODE_ENV', 'development');
    vi.resetModules();
    const dev = await import('./use-tracking');
    renderHook(() => dev.useTracking());
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('outside a provider, where `process` does not exist (plain browser ESM), neither throws nor warns', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fresh = await import('./use-tracking');
    const saved = globalThis.process;
    let sessionId: string | undefined;
    try {
      // @ts-expect-error simulating a browser without a bundler-defined process
      globalThis.process = undefined;
      sessionId = renderHook(() => fresh.useTracking()).result.current.sessionId;
    } finally {
      globalThis.process = saved;
    }
    expect(sessionId).toBe('');
    expect(warn).not.toHaveBeenCalled();

    // Positive control: with `process` back, the same fresh module warns.
    renderHook(() => fresh.useTracking());
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

function Probe(): null {
  useTracking();
  return null;
}
