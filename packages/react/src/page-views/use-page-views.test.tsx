import { act, cleanup, render } from '@testing-library/react';
import type { TrackerConfig } from '@usermetrics/browser';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker, type FakeTracker } from '../../test/fake-tracker';
import { TrackingProvider } from '../provider/tracking-provider';
import type { PageViewsOptions } from '../types';
import { usePageViews } from './use-page-views';

const made = vi.hoisted(() => [] as FakeTracker[]);
vi.mock('@usermetrics/browser', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@usermetrics/browser')>();
  const { createFakeTracker: create } = await import('../../test/fake-tracker');
  return {
    ...actual,
    createTracker: (_config: TrackerConfig) => {
      const tracker = create();
      made.push(tracker);
      return tracker;
    },
  };
});

function Page(props: PageViewsOptions & { label?: string }): React.ReactElement {
  usePageViews(props);
  return <p>{props.label ?? props.pathname}</p>;
}

let tracker: FakeTracker;
beforeEach(() => {
  tracker = createFakeTracker();
  made.length = 0;
});
afterEach(cleanup);

function withTracker(options: PageViewsOptions & { label?: string }) {
  return (
    <TrackingProvider tracker={tracker}>
      <Page {...options} />
    </TrackingProvider>
  );
}

describe('usePageViews', () => {
  it('sends one page view on mount with the absolute URL and the route', () => {
    render(withTracker({ pathname: '/users/42', route: '/users/:id', search: '?tab=a' }));
    expect(tracker.callsOf('trackPageView')).toEqual([
      ['https://app.example.com/users/42?tab=a', { route: '/users/:id' }],
    ]);
  });

  it('does not send again on a re-render of the same page, nor for a new query string', () => {
    const view = render(withTracker({ pathname: '/a', label: 'one' }));
    view.rerender(withTracker({ pathname: '/a', label: 'two' }));
    view.rerender(withTracker({ pathname: '/a', search: '?q=1', label: 'three' }));
    expect(tracker.callsOf('trackPageView')).toEqual([['https://app.example.com/a', undefined]]);
  });

  it('sends again when the pathname or the route changes', () => {
    const view = render(withTracker({ pathname: '/users/1', route: '/users/:id' }));
    view.rerender(withTracker({ pathname: '/users/2', route: '/users/:id' }));
    view.rerender(withTracker({ pathname: '/users/2', route: '/users/:userId' }));
    expect(tracker.callsOf('trackPageView').map(([url]) => url)).toEqual([
      'https://app.example.com/users/1',
      'https://app.example.com/users/2',
      'https://app.example.com/users/2',
    ]);
  });

  it('sends once under StrictMode', () => {
    render(<StrictMode>{withTracker({ pathname: '/strict' })}</StrictMode>);
    expect(tracker.callsOf('trackPageView')).toHaveLength(1);
  });

  it('waits while disabled, then sends', () => {
    const view = render(withTracker({ pathname: '/a', enabled: false }));
    expect(tracker.callsOf('trackPageView')).toHaveLength(0);
    view.rerender(withTracker({ pathname: '/a', enabled: true }));
    expect(tracker.callsOf('trackPageView')).toHaveLength(1);
  });

  it('delivers the first page view to a tracker the provider creates after the page mounted', async () => {
    render(
      <StrictMode>
        <TrackingProvider config={{ endpoint: 'https://api.example.com' }}>
          <Page pathname="/first" />
        </TrackingProvider>
      </StrictMode>,
    );
    await act(async () => {});
    expect(made).toHaveLength(1);
    expect(made[0]!.callsOf('trackPageView')).toEqual([['https://app.example.com/first', undefined]]);
  });

  it('never throws when the tracker does', () => {
    tracker.trackPageView = () => {
      throw new Error('tracker bug');
    };
    expect(() => render(withTracker({ pathname: '/a' }))).not.toThrow();
  });
});
