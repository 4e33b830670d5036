import { act, cleanup, render, screen } from '@testing-library/react';
import type { TrackerConfig } from '@usermetrics/browser';
import { StrictMode, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker, type FakeTracker } from '../../test/fake-tracker';
import { TrackingProvider } from './tracking-provider';
import { useTracking } from './use-tracking';

const made = vi.hoisted(() => [] as FakeTracker[]);
vi.mock('@usermetrics/browser', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@usermetrics/browser')>();
  const { createFakeTracker: create } = await import('../../test/fake-tracker');
  return {
    ...actual,
    createTracker: vi.fn((_config: TrackerConfig) => {
      const tracker = create({ attachToWindow: true });
      made.push(tracker);
      return tracker;
    }),
  };
});

const config: TrackerConfig = { endpoint: 'https://api.example.com' };
const live = (): FakeTracker[] => made.filter((t) => t.liveListeners() > 0);
// release() shuts down on a microtask, so a test must let microtasks run before looking.
const settle = () => act(async () => {});

function SessionId(): React.ReactElement {
  return <span data-testid="session">{useTracking().sessionId || 'none'}</span>;
}

const seenAtRender: number[] = [];
function RecordsAtRender(): React.ReactElement {
  seenAtRender.push(made.length);
  return <p>hello</p>;
}

function TracksOnMount(): null {
  const { trackEvent, setConsent } = useTracking();
  useEffect(() => {
    setConsent({ analytics: false });
    trackEvent('mounted', { a: 1 });
  }, [trackEvent, setConsent]);
  return null;
}

beforeEach(() => {
  made.length = 0;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TrackingProvider with config', () => {
  it('creates exactly one tracker after mount and shuts it down on unmount', async () => {
    const view = render(<TrackingProvider config={config}>child</TrackingProvider>);
    await settle();
    expect(made).toHaveLength(1);
    expect(live()).toHaveLength(1);

    view.unmount();
    await settle();
    expect(made[0]!.shutdownCount).toBe(1);
    expect(live()).toHaveLength(0);
  });

  it('keeps exactly one live tracker under StrictMode and leaks no listener after unmount', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const view = render(
      <StrictMode>
        <TrackingProvider config={config}>
          <SessionId />
        </TrackingProvider>
      </StrictMode>,
    );
    await settle();
    expect(made).toHaveLength(1);
    expect(live()).toHaveLength(1);
    expect(made[0]!.shutdownCount).toBe(0);
    const pagehideAdds = add.mock.calls.filter(([type]) => type === 'pagehide').length;
    expect(pagehideAdds).toBe(1); // positive control: the probe sees the tracker's listener

    view.unmount();
    await settle();
    expect(live()).toHaveLength(0);
    expect(remove.mock.calls.filter(([type]) => type === 'pagehide')).toHaveLength(pagehideAdds);
  });

  it('renders children in the first render, before any tracker exists', async () => {
    seenAtRender.length = 0;
    render(
      <TrackingProvider config={config}>
        <RecordsAtRender />
      </TrackingProvider>,
    );
    expect(seenAtRender[0]).toBe(0);
    expect(screen.getByText('hello')).toBeTruthy();
    await settle();
    expect(made).toHaveLength(1); // positive control: the probe does count the tracker once it exists
  });

  it('replays calls children made in their mount effects, before the tracker started', async () => {
    render(
      <TrackingProvider config={config}>
        <TracksOnMount />
      </TrackingProvider>,
    );
    await settle();
    expect(made[0]!.calls.map((c) => c.method)).toEqual(['setConsent', 'trackEvent']);
    expect(made[0]!.callsOf('trackEvent')[0]).toEqual(['mounted', { a: 1 }]);
  });

  it('re-renders consumers with the session id once the tracker has started', async () => {
    render(
      <TrackingProvider config={config}>
        <SessionId />
      </TrackingProvider>,
    );
    await settle();
    expect(screen.getByTestId('session').textContent).toBe(made[0]!.sessionId);
  });

  it('starts a new tracker when remounted with another key and shuts the old one down', async () => {
    const view = render(<TrackingProvider key="a" config={config} />);
    await settle();
    view.rerender(<TrackingProvider key="b" config={config} />);
    await settle();
    expect(made).toHaveLength(2);
    expect(made[0]!.shutdownCount).toBe(1);
    expect(live()).toEqual([made[1]]);
  });
});

describe('TrackingProvider with tracker', () => {
  it('uses the given tracker and never shuts it down', async () => {
    const tracker = createFakeTracker();
    const view = render(
      <TrackingProvider tracker={tracker}>
        <SessionId />
      </TrackingProvider>,
    );
    expect(screen.getByTestId('session').textContent).toBe(tracker.sessionId);
    view.unmount();
    await settle();
    expect(tracker.shutdownCount).toBe(0);
    expect(made).toHaveLength(0);

    // Positive control: a tracker the provider created itself is shut down by the same unmount path.
    const own = render(<TrackingProvider config={config} />);
    await settle();
    own.unmount();
    await settle();
    expect(made[0]!.shutdownCount).toBe(1);
  });

  it('prefers tracker over config', async () => {
    const tracker = createFakeTracker();
    const both = { tracker, config } as unknown as { tracker: typeof tracker };
    render(
      <TrackingProvider {...both}>
        <SessionId />
      </TrackingProvider>,
    );
    await settle();
    expect(made).toHaveLength(0);
    expect(screen.getByTestId('session').textContent).toBe(tracker.sessionId);
  });
});
