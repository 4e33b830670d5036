import { act, cleanup, render } from '@testing-library/react';
import {
  createMemoryRouter,
  MemoryRouter,
  Outlet,
  Route,
  RouterProvider,
  Routes,
  useNavigate,
} from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker, type FakeTracker } from '../../test/fake-tracker';
import { TrackingProvider } from '../provider/tracking-provider';
import { useRouterPageViews } from './use-router-page-views';

let tracker: FakeTracker;
let navigate: ReturnType<typeof useNavigate>;

function Layout(): React.ReactElement {
  useRouterPageViews();
  navigate = useNavigate();
  return <Outlet />;
}
function Tracked(): null {
  useRouterPageViews();
  return null;
}

beforeEach(() => {
  tracker = createFakeTracker();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const pageViews = () => tracker.callsOf('trackPageView');

describe('useRouterPageViews with a data router', () => {
  it('sends a page view per new path with the matched route pattern', async () => {
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: <Layout />,
          children: [
            { index: true, element: <p>home</p> },
            { path: 'users/:id', element: <p>user</p> },
          ],
        },
      ],
      { initialEntries: ['/users/1'] },
    );
    render(
      <TrackingProvider tracker={tracker}>
        <RouterProvider router={router} />
      </TrackingProvider>,
    );
    await act(() => navigate('/users/2?tab=posts'));
    await act(() => navigate('/users/2?tab=likes'));
    await act(() => navigate('/'));

    expect(pageViews()).toEqual([
      ['https://app.example.com/users/1', { route: '/users/:id' }],
      ['https://app.example.com/users/2?tab=posts', { route: '/users/:id' }],
      ['https://app.example.com/', { route: '/' }],
    ]);
  });
});

describe('useRouterPageViews with a declarative router', () => {
  it('sends page views without a pattern, leaving it to the tracker routes config', async () => {
    render(
      <TrackingProvider tracker={tracker}>
        <MemoryRouter initialEntries={['/orders/7']}>
          <Routes>
            <Route path="/" element={<Layout />}>
              <Route path="orders/:orderId" element={<p>order</p>} />
              <Route path="about" element={<p>about</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </TrackingProvider>,
    );
    await act(() => navigate('/about'));
    expect(pageViews()).toEqual([
      ['https://app.example.com/orders/7', undefined],
      ['https://app.example.com/about', undefined],
    ]);
  });
});

describe('useRouterPageViews outside a router', () => {
  it('sends nothing and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <TrackingProvider tracker={tracker}>
        <Tracked />
        <Tracked />
      </TrackingProvider>,
    );
    expect(pageViews()).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
    // Positive control: the same component inside a router does send.
    render(
      <TrackingProvider tracker={tracker}>
        <MemoryRouter initialEntries={['/inside']}>
          <Tracked />
        </MemoryRouter>
      </TrackingProvider>,
    );
    expect(pageViews()).toEqual([['https://app.example.com/inside', undefined]]);
    expect(String(warn.mock.calls[0]![0])).toContain('needs a react-router router');
  });
});
