import { createTracker } from '@usermetrics/browser';
import { rootErrorHandlers, TrackingProvider } from '@usermetrics/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router';
import { buildTrackerConfig } from './tracking-config';

// One tracker for the page: the provider shares it, and React 19's root error callbacks report what no
// boundary caught.
const tracker = createTracker(buildTrackerConfig(window.location));

createRoot(document.getElementById('root') as HTMLElement, rootErrorHandlers(tracker)).render(
  <StrictMode>
    <TrackingProvider tracker={tracker}>
      <RouterProvider router={router} />
    </TrackingProvider>
  </StrictMode>,
);
