import { describe, expect, it } from 'vitest';
import { createFakeTracker } from '../../test/fake-tracker';
import { createTrackerHandle } from './tracker-handle';

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('createTrackerHandle', () => {
  it('queues calls until a tracker is acquired, then replays them in order', async () => {
    const handle = createTrackerHandle();
    const tracker = createFakeTracker();
    handle.trackPageView('https://a.example/x');
    handle.trackEvent('e');
    const errorId = handle.trackError(new Error('early'));
    expect(tracker.calls).toHaveLength(0);

    expect(handle.acquire(() => tracker)).toBe(true);
    expect(tracker.calls.map((c) => c.method)).toEqual(['trackPageView', 'trackEvent', 'trackError']);
    await expect(errorId).resolves.toMatch(/^error-/);
    expect(handle.getSessionId()).toBe(tracker.sessionId);
    expect(handle.isNoop).toBe(false);
  });

  it('reads like the no-op before a tracker exists', () => {
    const handle = createTrackerHandle();
    expect(handle.isNoop).toBe(true);
    expect(handle.getSessionId()).toBe('');
    expect(handle.getReplayUrl()).toBeUndefined();
    expect(handle.getStats().sent).toBe(0);
    expect(handle.getConsent().analytics).toBe(false);
  });

  it('keeps the tracker when released and re-acquired in the same task (StrictMode, Fast Refresh)', async () => {
    const handle = createTrackerHandle();
    const tracker = createFakeTracker();
    let created = 0;
    const create = () => {
      created++;
      return tracker;
    };
    handle.acquire(create);
    handle.release();
    expect(handle.acquire(create)).toBe(false);
    await microtasks();
    expect(created).toBe(1);
    expect(tracker.shutdownCount).toBe(0);
  });

  it('shuts the tracker down once released for good, and later calls settle on the no-op', async () => {
    const handle = createTrackerHandle();
    const tracker = createFakeTracker();
    handle.acquire(() => tracker);
    handle.trackEvent('before');
    handle.release();
    await microtasks();
    expect(tracker.shutdownCount).toBe(1);
    expect(tracker.callsOf('trackEvent')).toHaveLength(1); // positive control: the probe sees calls

    handle.trackEvent('after');
    await expect(handle.trackError(new Error('late'))).resolves.toBeUndefined();
    expect(tracker.callsOf('trackEvent')).toEqual([['before', undefined]]);
  });

  it('creates a fresh tracker when acquired again after a real release (<Activity> hidden, then shown)', async () => {
    const handle = createTrackerHandle();
    const first = createFakeTracker();
    const second = createFakeTracker();
    handle.acquire(() => first);
    handle.release();
    await microtasks();
    expect(handle.acquire(() => second)).toBe(true);
    handle.trackEvent('back');
    expect(second.callsOf('trackEvent')).toEqual([['back', undefined]]);
    expect(first.callsOf('trackEvent')).toHaveLength(0);
  });

  it('bounds the queue: past 100 waiting calls, trackError resolves undefined at once', async () => {
    const handle = createTrackerHandle();
    for (let i = 0; i < 100; i++) handle.trackEvent(`e${i}`);
    await expect(handle.trackError(new Error('overflow'))).resolves.toBeUndefined();
    const tracker = createFakeTracker();
    handle.acquire(() => tracker);
    expect(tracker.callsOf('trackEvent')).toHaveLength(100);
    expect(tracker.callsOf('trackError')).toHaveLength(0);
  });

  it('replays the remaining calls when one of them throws', () => {
    const handle = createTrackerHandle();
    const tracker = createFakeTracker();
    tracker.trackPageView = () => {
      throw new Error('bug');
    };
    handle.trackPageView();
    handle.trackEvent('still sent');
    handle.acquire(() => tracker);
    expect(tracker.callsOf('trackEvent')).toEqual([['still sent', undefined]]);
  });

  it('forwards flush, shutdown and setConsent to the live tracker', async () => {
    const handle = createTrackerHandle();
    const tracker = createFakeTracker();
    handle.acquire(() => tracker);
    handle.setConsent({ replay: true });
    await handle.flush();
    await handle.shutdown();
    expect(tracker.getConsent().replay).toBe(true);
    expect(tracker.shutdownCount).toBe(1);
  });
});
