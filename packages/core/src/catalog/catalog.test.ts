import { describe, expect, it } from 'vitest';
import { ERROR_TYPES, matchRoute, normalizeErrorType, normalizeRoute, OTHER_ROUTE } from './dimensions';
import { METRIC_CATALOG, NAMESPACES, WEB_VITAL_METRICS, WEB_VITAL_NAMES } from './metric-catalog';

describe('metric catalog', () => {
  it('names metrics in PascalCase and dimension keys in camelCase', () => {
    for (const [key, def] of Object.entries(METRIC_CATALOG)) {
      expect(def.name).toBe(key);
      expect(def.name).toMatch(/^[A-Z][A-Za-z]+$/);
      for (const set of def.dimensionSets) for (const dim of set) expect(dim).toMatch(/^[a-z][A-Za-z]+$/);
      expect(def.min).toBeLessThanOrEqual(def.max);
    }
  });

  it('maps every web vital to a frontend metric with [environment] and [environment, route]', () => {
    for (const name of WEB_VITAL_NAMES) {
      const def = METRIC_CATALOG[WEB_VITAL_METRICS[name]];
      expect(def.namespace).toBe(NAMESPACES.frontend);
      expect(def.dimensionSets).toEqual([['environment'], ['environment', 'route']]);
    }
    expect(WEB_VITAL_NAMES).not.toContain('FID');
    expect(METRIC_CATALOG.CumulativeLayoutShift.unit).toBe('None');
  });
});

describe('bounded dimensions', () => {
  it('keeps standard error names and folds everything else into Other', () => {
    for (const t of ERROR_TYPES) expect(normalizeErrorType(t)).toBe(t);
    for (const t of ['MyError', '', 'typeerror', 42, null, 'TypeError '.repeat(3)]) {
      expect(normalizeErrorType(t)).toBe('Other');
    }
  });

  it('accepts only configured route patterns', () => {
    expect(normalizeRoute('/users/:id', ['/users/:id'])).toBe('/users/:id');
    expect(normalizeRoute('/users/42', ['/users/:id'])).toBe(OTHER_ROUTE);
    expect(normalizeRoute(undefined, ['/users/:id'])).toBe(OTHER_ROUTE);
  });

  it('stays bounded for 10 000 hostile routes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++)
      seen.add(normalizeRoute(`/users/${i}?x=${Math.random()}`, ['/users/:id', '/']));
    expect([...seen]).toEqual([OTHER_ROUTE]);
  });

  it('matches concrete paths to patterns', () => {
    const routes = ['/', '/users/:id', '/orders/:orderId/items', '/docs/*'];
    expect(matchRoute('/users/42', routes)).toBe('/users/:id');
    expect(matchRoute('/users/42/', routes)).toBe('/users/:id');
    expect(matchRoute('/users/42?tab=1#x', routes)).toBe('/users/:id');
    expect(matchRoute('/orders/9/items', routes)).toBe('/orders/:orderId/items');
    expect(matchRoute('/docs/a/b', routes)).toBe('/docs/*');
    expect(matchRoute('/', routes)).toBe('/');
    expect(matchRoute('/users', routes)).toBe(OTHER_ROUTE);
    expect(matchRoute('/users//', routes)).toBe(OTHER_ROUTE);
    expect(matchRoute('/nope', routes)).toBe(OTHER_ROUTE);
  });
});
