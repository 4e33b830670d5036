import { useRouterPageViews } from '@usermetrics/react/router';
import { NavLink, Outlet } from 'react-router';
import { ApiPanel } from './components/ApiPanel';
import { DangerZone } from './components/DangerZone';

/** The root layout: navigation, a page view on every client-side navigation, the page, and the tool panels. */
export function Layout() {
  useRouterPageViews();
  return (
    <>
      <header>
        <strong>usermetrics demo shop</strong>
        <NavLink to="/" end>
          Home
        </NavLink>
        <NavLink to="/checkout">Checkout</NavLink>
        <NavLink to="/slow">Slow page</NavLink>
        <NavLink to="/users/42">User 42</NavLink>
        <a href="/__usermetrics" target="_blank" rel="noreferrer">
          Dashboard ↗
        </a>
      </header>
      <main>
        <Outlet />
        <DangerZone />
        <ApiPanel />
      </main>
      <footer>
        Replay marker (plain text, recorded unmasked):{' '}
        <span data-testid="replay-marker">plain-visible-kiwi-marker</span>
      </footer>
    </>
  );
}
