import { ERROR_TYPES, OTHER_ROUTE } from '@usermetrics/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpApiV2Event, lambdaContext, testClock } from '../../test/lambda-fixtures';
import { createStdout } from '../../test/stdout-lines';
import { MAX_DISTINCT_ROUTES } from './route-dimension';
import { withUsermetrics } from './with-usermetrics';

const FN_ENV = ['functionName', 'environment'];

describe('dimension cardinality under hostile input', { timeout: 60_000 }, () => {
  it('keeps at most 50 distinct route values (+ other) for thousands of random routes', async () => {
    const stdout = createStdout();
    const routes = fc.sample(fc.string({ minLength: 1, maxLength: 300 }), 2500);
    const handler = withUsermetrics(async () => 'ok', {
      functionName: 'fn',
      environment: 'prod',
      stdout,
      clock: testClock(),
      route: (e: { r: string }) => e.r,
    });
    for (const r of routes) await handler({ r }, lambdaContext());
    const values = new Set(stdout.emfWith([...FN_ENV, 'route']).map((d) => d.route));
    expect(values.size).toBeGreaterThan(MAX_DISTINCT_ROUTES - 5);
    expect(values.size).toBeLessThanOrEqual(MAX_DISTINCT_ROUTES + 1);
    expect(values.has(OTHER_ROUTE)).toBe(true);
  });

  it('with an allow-list, only listed routes and other ever appear, even for routeKey values', async () => {
    const stdout = createStdout();
    const allowed = ['GET /users/{id}', 'POST /orders'];
    const handler = withUsermetrics(async () => 'ok', {
      functionName: 'fn',
      environment: 'prod',
      stdout,
      clock: testClock(),
      routes: allowed,
    });
    const keys = [...fc.sample(fc.string({ maxLength: 80 }), 2000), ...allowed];
    for (const routeKey of keys)
      await handler(httpApiV2Event({ routeKey: routeKey || 'x' }), lambdaContext());
    const values = new Set(stdout.emfWith([...FN_ENV, 'route']).map((d) => d.route));
    expect([...values].sort()).toEqual([...allowed, OTHER_ROUTE].sort());
  });

  it('maps thousands of random error names onto the fixed errorType set', async () => {
    const stdout = createStdout();
    const names = [...fc.sample(fc.string({ maxLength: 40 }), 2000), 'TypeError', 'ChunkLoadError'];
    const handler = withUsermetrics(
      async (e: { name: string }) => {
        const err = new Error('boom');
        err.name = e.name;
        throw err;
      },
      { functionName: 'fn', environment: 'prod', stdout, clock: testClock() },
    );
    for (const name of names) await handler({ name }, lambdaContext()).catch(() => undefined);
    const values = new Set(stdout.emfWith([...FN_ENV, 'errorType']).map((d) => d.errorType));
    const allowed = new Set<unknown>([...ERROR_TYPES, 'Other']);
    for (const v of values) expect(allowed.has(v)).toBe(true);
    expect(values.has('TypeError')).toBe(true);
    expect(values.has('Other')).toBe(true);
  });
});
