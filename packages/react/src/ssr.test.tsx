// @vitest-environment node
import type { TrackerConfig } from '@usermetrics/browser';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, TrackingProvider, usePageViews, useTracking } from './index';
import { useRouterPageViews } from './router';

const createTracker = vi.hoisted(() => vi.fn());
vi.mock('@usermetrics/browser', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@usermetrics/browser')>();
  createTracker.mockImplementation((config: TrackerConfig) => actual.createTracker(config));
  return { ...actual, createTracker };
});

function Page(): React.ReactElement {
  const { sessionId, trackEvent } = useTracking();
  usePageViews({ pathname: '/users/1', route: '/users/:id' });
  useRouterPageViews();
  return (
    <button type="button" onClick={() => trackEvent('click')}>
      session:{sessionId || 'none'}
    </button>
  );
}

describe('server rendering', () => {
  it('renders a tree using every export under Node without window, creating no tracker', async () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <TrackingProvider config={{ endpoint: 'https://api.example.com' }}>
        <StaticRouter location="/users/1">
          <ErrorBoundary fallback={<p>sorry</p>}>
            <Page />
          </ErrorBoundary>
        </StaticRouter>
      </TrackingProvider>,
    );
    expect(html).toContain('session:<!-- -->none');
    expect(createTracker).not.toHaveBeenCalled();

    // Positive control: the probe is the createTracker the provider imports, and it does record calls.
    const browser = await import('@usermetrics/browser');
    const made = browser.createTracker({ endpoint: 'https://api.example.com' });
    expect(createTracker).toHaveBeenCalledTimes(1);
    expect(made.isNoop).toBe(true); // no window: the real createTracker gives the no-op
  });

  it('renders with a caller-provided tracker too', async () => {
    const { createNoopTracker } = await import('@usermetrics/browser');
    const html = renderToString(
      <TrackingProvider tracker={createNoopTracker()}>
        <StaticRouter location="/">
          <Page />
        </StaticRouter>
      </TrackingProvider>,
    );
    expect(html).toContain('<button');
  });
});
