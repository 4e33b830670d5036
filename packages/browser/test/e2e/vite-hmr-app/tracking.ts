import { createTracker, type TrackerConfig } from '@usermetrics/browser';

// The tracker at module level, as the README's quick start shows. The test points it at its stand-ins.
const config = (window as unknown as { __E2E_CONFIG__: TrackerConfig }).__E2E_CONFIG__;
export const tracker = createTracker(config);
// TRACKING_EDIT_MARKER
