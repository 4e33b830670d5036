// An app that creates the tracker at module level (as the browser README shows) and mounts its data router only
// later — after a lazy chunk, a login check, a loader — must not lose the route of the landing page: the
// tracker's own first page view has no pattern (no `routes` config), and the router's view of the same URL is
// the one that knows it. Real createTracker from the built @usermetrics/browser, real react-router data router
// on happy-dom's history; only fetch is stubbed. Runs under React 19 and 18.3 (vitest.react18.config.ts).
import { act, cleanup, render } from '@testing-library/react';
import { createTracker, type Tracker } from '@usermetrics/browser';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrackingProvider } from '../src/index';
import { useRouterPageViews } from '../src/router';

const UMAMI = 'https://umami.example.com';
// The tracker loads its after-load chunk when the page is idle: generous upper bounds for a busy machine
// (vi.waitFor resolves as soon as the condition holds).
const WAIT = { timeout: 15_000, interval: 20 };

interface UmamiView {
  url: string;
  name?: string;
  data?: { route?: string };
}

let fetchMock: ReturnType<typeof vi.fn>;
let tracker: Tracker | undefined;
let navigate: (to: string) => Promise<void>;

/** Page views (not custom events) the tracker posted to Umami, in order. */
const umamiViews = (): UmamiView[] =>
  fetchMock.mock.calls
    .filter(([url]) => String(url) === `${UMAMI}/api/send`)
    .map(([, init]) => (JSON.parse(String((init as RequestInit).body)) as { payload: UmamiView }).payload)
    .filter((payload) => payload.name === undefined);
const at = (path: string): string => new URL(path, window.location.href).href;

function Layout(): React.ReactElement {
  useRouterPageViews();
  return <Outlet />;
}

function mountRouterLate(): void {
  const router = createBrowserRouter([
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <p>home</p> },
        { path: 'users/:id', element: <p>user</p> },
      ],
    },
  ]);
  navigate = async (to) => {
    await router.navigate(to);
  };
  render(
    <TrackingProvider tracker={tracker as Tracker}>
      <RouterProvider router={router} />
    </TrackingProvider>,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/users/1');
  fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
  // The tracker binds window.fetch when it is created, so the stub must be in place before.
  vi.spyOn(window, 'fetch').mockImplementation(fetchMock as typeof fetch);
  tracker = createTracker({
    endpoint: 'https://api.example.com',
    umami: { websiteId: '4f6d2c1a-1b2c-4d3e-8f90-0a1b2c3d4e5f', hostUrl: UMAMI },
    webVitals: false,
  });
});
afterEach(async () => {
  cleanup();
  await tracker?.shutdown();
  tracker = undefined;
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('a router mounted after the tracker’s first page view', () => {
  it('still reports the landing page’s route pattern, once', async () => {
    // The tracker's own first view went out before the app had a router: it cannot know the pattern.
    await vi.waitFor(() => expect(umamiViews()).toHaveLength(1), WAIT);
    expect(umamiViews()[0]).toMatchObject({ url: at('/users/1') });
    expect(umamiViews()[0]?.data?.route).toBeUndefined();

    mountRouterLate();
    await vi.waitFor(() => expect(umamiViews()).toHaveLength(2), WAIT);
    expect(umamiViews()[1]).toMatchObject({ url: at('/users/1'), data: { route: '/users/:id' } });

    // Nothing else for this page: re-rendering and flushing add no third view of the same URL.
    mountRouterLate();
    await act(async () => {
      await tracker?.flush();
    });
    expect(umamiViews().map((v) => [v.url, v.data?.route])).toEqual([
      [at('/users/1'), undefined],
      [at('/users/1'), '/users/:id'],
    ]);
  });

  it('keeps counting later navigations once each, with their pattern', async () => {
    await vi.waitFor(() => expect(umamiViews()).toHaveLength(1), WAIT);
    mountRouterLate();
    await vi.waitFor(() => expect(umamiViews()).toHaveLength(2), WAIT);

    await act(() => navigate('/users/2'));
    await act(() => navigate('/users/2?tab=posts'));
    await act(async () => {
      await tracker?.flush();
    });

    // The history hook and the router both see /users/2: one view, the router's, with the pattern.
    expect(umamiViews().slice(2)).toEqual([
      expect.objectContaining({
        url: at('/users/2'),
        data: expect.objectContaining({ route: '/users/:id' }),
      }),
    ]);
  });
});
