import { createTracker, type Tracker, type TrackerConfig } from '@usermetrics/browser';
import { ErrorBoundary, TrackingProvider } from '@usermetrics/react';
import { useRouterPageViews } from '@usermetrics/react/router';
import { createElement as h, type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Link, Outlet, RouterProvider, useParams } from 'react-router';

/**
 * A small React app as the README wires it: a react-router data router (`createBrowserRouter` +
 * `<RouterProvider>`) inside `<TrackingProvider>`, `useRouterPageViews()` in the root layout, and an
 * `<ErrorBoundary>` whose fallback shows the errorId. Plain `createElement` calls, so the e2e build needs no
 * JSX plugin. The tracker settings come from `window.__E2E_REACT_CONFIG__` (an init script).
 */
declare global {
  interface Window {
    __E2E_REACT_CONFIG__?: TrackerConfig;
    __e2eReact?: { tracker: Tracker; loadAt?: number };
  }
}

const config = window.__E2E_REACT_CONFIG__;
if (!config) throw new Error('e2e react page: no config (set window.__E2E_REACT_CONFIG__)');
// Built by the app and handed to the provider (the README's `tracker={tracker}` form), so the test can read
// getStats().
const tracker = createTracker(config);
const state: NonNullable<Window['__e2eReact']> = { tracker };
window.__e2eReact = state;
addEventListener('load', () => {
  state.loadAt = performance.timeOrigin + performance.now();
});

function Bomb(): ReactNode {
  throw new TypeError('e2e render error');
}

function Layout(): ReactNode {
  useRouterPageViews();
  const [boom, setBoom] = useState(false);
  return h(
    'main',
    null,
    h(
      'nav',
      null,
      h(Link, { to: '/', id: 'home' }, 'Home'),
      ' ',
      h(Link, { to: '/users/7', id: 'user-7' }, 'User 7'),
    ),
    h('button', { id: 'boom', type: 'button', onClick: () => setBoom(true) }, 'Break the page'),
    h(
      ErrorBoundary,
      {
        fallback: ({ errorId }: { errorId?: string | undefined }) =>
          h(
            'p',
            { id: 'fallback', 'data-error-id': errorId ?? '' },
            `Something broke (ref ${errorId ?? '…'})`,
          ),
      },
      boom ? h(Bomb) : h(Outlet),
    ),
  );
}

function Home(): ReactNode {
  return h('h1', { id: 'page' }, 'Home');
}

function User(): ReactNode {
  const { id } = useParams();
  return h('h1', { id: 'page' }, `User ${id}`);
}

const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    children: [
      { index: true, Component: Home },
      { path: 'users/:id', Component: User },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(h(TrackingProvider, { tracker }, h(RouterProvider, { router })));
