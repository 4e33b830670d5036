import { createTracker, type TrackerConfig } from '@usermetrics/browser';

// Positive control of the HMR test's probes: a page that really starts two trackers must be seen as double
// (two listeners, two reports per metric, the error twice). createTracker() returns the running tracker while
// one runs, so the control empties that slot between the two calls: what two copies of the tracker that did not
// know of each other would do (the defect the HMR test guards against).
const config = (window as unknown as { __E2E_CONFIG__: TrackerConfig }).__E2E_CONFIG__;
createTracker(config);
delete (window as unknown as Record<symbol, unknown>)[Symbol.for('usermetrics')];
createTracker(config);
