import { describe, expect, it } from 'vitest';
import { routePattern } from './route-pattern';

const m = (...paths: (string | undefined)[]) => paths.map((path) => ({ route: { path } }));

describe('routePattern', () => {
  it('joins nested relative paths', () => {
    expect(routePattern(m('/', 'users', ':id'))).toBe('/users/:id');
  });
  it('skips pathless layout and index routes', () => {
    expect(routePattern(m('/', undefined, 'orders/:orderId', undefined))).toBe('/orders/:orderId');
  });
  it('keeps absolute child paths and splats', () => {
    expect(routePattern(m('/', 'app', '/docs/*'))).toBe('/docs/*');
  });
  it('returns / for the root alone and undefined when nothing matched', () => {
    expect(routePattern(m('/'))).toBe('/');
    expect(routePattern([])).toBeUndefined();
    expect(routePattern(undefined)).toBeUndefined();
  });
});
