import { createTracker } from '@usermetrics/browser';

// @usermetrics/browser with everything on except replay: web vitals, global error capture, Umami page views.
const api = (window as unknown as { __BENCH_API__: string }).__BENCH_API__;
createTracker({
  endpoint: api,
  routes: ['/'],
  umami: { websiteId: '3f0e5a4c-1b2d-4c6e-8f90-a1b2c3d4e5f6', hostUrl: api },
});
