import { createTracker, type TrackerConfig } from '@usermetrics/browser';

// Positive control of the HMR test's probes: a page that really starts two trackers must be seen as double
// (two listeners, two reports per metric, the error twice).
const config = (window as unknown as { __E2E_CONFIG__: TrackerConfig }).__E2E_CONFIG__;
createTracker(config);
createTracker(config);
