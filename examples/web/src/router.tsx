import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { CheckoutPage } from './pages/CheckoutPage';
import { HomePage } from './pages/HomePage';
import { SlowPage } from './pages/SlowPage';
import { UserPage } from './pages/UserPage';

/**
 * A react-router 7 data router: `useRouterPageViews()` in the layout reads the matched pattern
 * (`/users/:id`) from it for every page view.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'slow', element: <SlowPage /> },
      { path: 'users/:id', element: <UserPage /> },
      { path: '*', element: <p>Nothing here.</p> },
    ],
  },
]);
