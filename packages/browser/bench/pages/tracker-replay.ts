import { createTracker } from '@usermetrics/browser';

// Everything on, replay included (OpenReplay is loaded after the load event, in idle time).
const api = (window as unknown as { __BENCH_API__: string }).__BENCH_API__;
createTracker({
  endpoint: api,
  routes: ['/'],
  umami: { websiteId: '3f0e5a4c-1b2d-4c6e-8f90-a1b2c3d4e5f6', hostUrl: api },
  replay: { projectKey: 'bench', ingestPoint: api, __DISABLE_SECURE_MODE: true },
});
