import middy from '@middy/core';
import { metrics } from '@usermetrics/node';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { lambdaContext, testClock } from '../../node/test/lambda-fixtures';
import { createStdout } from '../../node/test/stdout-lines';
import { usermetrics } from '../src/index';

// This file has its own module state (vitest isolates test files): the diagnostics channel starts off, and
// the first test must run before `debug: true` turns it on for the process.

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-05T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

/**
 * One request through middy whose `request.internal` is frozen: the middleware cannot park its invocation
 * there and fails inside `before`, twice. The handler adds a metric and answers.
 */
async function runWithForcedFailure(debug: boolean) {
  const stdout = createStdout();
  const options = {
    functionName: 'orders-api',
    environment: 'production',
    stdout,
    clock: testClock(),
    debug,
  };
  const handler = middy(
    async () => {
      metrics.add('OrdersPlaced', 1, 'Count');
      return 'ok';
    },
    { internal: Object.freeze({}) },
  ).use(usermetrics(options));
  const results = [
    await handler({}, lambdaContext(3000, 'req-1')),
    await handler({}, lambdaContext(3000, 'req-2')),
  ];
  return { results, text: stdout.chunks.join('') };
}

let quiet: { results: unknown[]; text: string } | undefined;

it('debug off: the middleware swallows its own failure silently and the handler answers', async () => {
  vi.stubEnv('USERMETRICS_DEBUG', '');
  const stderr = captureStderr();

  quiet = await runWithForcedFailure(false);

  expect(quiet.results).toEqual(['ok', 'ok']);
  expect(stderr).toEqual([]);
  // The invocations are still counted (finished at once when the invocation could not be parked).
  expect(quiet.text).toContain('"Invocations":1');
});

it('debug on: the same failure is printed once to stderr with where it happened; stdout is byte-identical', async () => {
  vi.stubEnv('USERMETRICS_DEBUG', '');
  const stderr = captureStderr();

  const loud = await runWithForcedFailure(true);

  expect(loud.results).toEqual(['ok', 'ok']);
  expect(stderr).toHaveLength(1);
  expect(stderr[0]).toContain('[usermetrics] middy usermetrics before failed');
  expect(stderr[0]).toContain('TypeError');
  // Positive control for the comparison: stdout did carry the invocations' lines.
  expect(loud.text.length).toBeGreaterThan(100);
  expect(loud.text).toBe(quiet?.text);
});
