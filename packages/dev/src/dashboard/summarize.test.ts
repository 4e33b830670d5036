import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/create-store';
import { renderDashboard } from './render-dashboard';
import { correlatedErrors, emfSeries, percentile, summarize, vitalsByRoute } from './summarize';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'um-sum-'));
  store = createStore({ dataDir: dir });
  await store.load();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([4, 1, 3, 2], 75)).toBe(3);
    expect(percentile([10], 75)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8], 75)).toBe(6);
    expect(percentile([], 75)).toBeNaN();
  });
});

describe('summaries', () => {
  it('groups vitals by route with p75 per metric', () => {
    for (const value of [100, 200, 300, 400])
      store.add('vitals', { at: 'a', name: 'LCP', value, route: '/checkout' });
    store.add('vitals', { at: 'a', name: 'CLS', value: 0.2, route: '/' });
    expect(vitalsByRoute(store)).toEqual({
      '/': { CLS: { p75: 0.2, count: 1 } },
      '/checkout': { LCP: { p75: 300, count: 4 } },
    });
  });

  it('ties errors to the Lambda log lines of the same session', () => {
    const log = (sessionId: string, message: string) => ({
      at: '2026-01-01T00:00:00.000Z',
      functionName: 'fn',
      requestId: 'r',
      sessionId,
      level: 'INFO',
      message,
      record: {},
    });
    store.add('logs', log('s-1', 'mine'));
    store.add('logs', log('s-2', 'other'));
    store.add('errors', { at: 'a', sessionId: 's-1', message: 'boom' });
    const [error] = correlatedErrors(store);
    expect(error?.logs.map((l) => l.message)).toEqual(['mine']);
  });

  it('aggregates EMF samples by namespace, metric and dimensions', () => {
    const sample = (value: number, route: string) => ({
      namespace: 'NS',
      name: 'Duration',
      unit: 'Milliseconds',
      values: [value],
      dimensions: { route },
      timestamp: 0,
    });
    store.add('emf', {
      at: 'a',
      functionName: 'f',
      requestId: 'r',
      document: {},
      samples: [sample(1, '/a'), sample(2, '/b')],
    });
    store.add('emf', {
      at: 'a',
      functionName: 'f',
      requestId: 'r',
      document: {},
      samples: [sample(5, '/a')],
    });
    const series = emfSeries(store);
    expect(series.map((s) => [s.dimensions.route, s.samples, s.sum, s.last])).toEqual([
      ['/a', 2, 6, 5],
      ['/b', 1, 2, 2],
    ]);
  });

  it('renders client data escaped, so a hostile message cannot inject markup', () => {
    store.add('errors', {
      at: '2026-01-01T00:00:00.000Z',
      message: '<img src=x onerror=alert(1)>',
      type: 'Error',
    });
    store.add('pageviews', {
      at: 'a',
      kind: 'pageview',
      website: 'w',
      url: 'u',
      path: '/"><script>x</script>',
    });
    const html = renderDashboard(summarize(store));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>x</script>');
  });
});
