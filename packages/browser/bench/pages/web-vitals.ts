import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';

// Anchor: web-vitals alone, each metric logged to an array (no network), as a hand-rolled setup would start.
const log: Metric[] = [];
(window as unknown as { __vitals: Metric[] }).__vitals = log;
const push = (metric: Metric): void => {
  log.push(metric);
};
onLCP(push);
onINP(push);
onCLS(push);
onFCP(push);
onTTFB(push);
