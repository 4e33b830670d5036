import { METRIC_CATALOG, WEB_VITAL_METRICS, type WebVitalName } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import { toWebVitalMetric } from './to-web-vital-metric';

const at = { url: 'https://app.example/p', route: '/p', timestamp: '2026-01-01T00:00:00.000Z' };

describe('toWebVitalMetric', () => {
  it('clamps values into the catalog range of each metric', () => {
    for (const name of Object.keys(WEB_VITAL_METRICS) as WebVitalName[]) {
      const { min, max } = METRIC_CATALOG[WEB_VITAL_METRICS[name]];
      expect(toWebVitalMetric({ name, value: max * 10, rating: 'poor' }, at)?.value).toBe(max);
      expect(toWebVitalMetric({ name, value: -1, rating: 'good' }, at)?.value).toBe(min);
    }
  });

  it('rejects FID, unknown names, non-finite values and unknown ratings', () => {
    expect(toWebVitalMetric({ name: 'FID', value: 10, rating: 'good' }, at)).toBeUndefined();
    expect(toWebVitalMetric({ name: 'toString', value: 10, rating: 'good' }, at)).toBeUndefined();
    expect(toWebVitalMetric({ name: 'LCP', value: Number.NaN, rating: 'good' }, at)).toBeUndefined();
    expect(toWebVitalMetric({ name: 'LCP', value: 10, rating: 'great' }, at)).toBeUndefined();
    expect(toWebVitalMetric({ name: 'LCP', value: 10, rating: 'good' }, at)).toBeDefined();
  });

  it('cuts id and navigationType to the contract lengths', () => {
    const m = toWebVitalMetric(
      { name: 'INP', value: 1, rating: 'good', id: 'i'.repeat(500), navigationType: 'n'.repeat(99) },
      at,
    );
    expect(m?.id).toHaveLength(128);
    expect(m?.navigationType).toHaveLength(32);
  });
});
