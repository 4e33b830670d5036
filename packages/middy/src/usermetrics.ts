import {
  createInvocationLifecycle,
  type Invocation,
  type InvocationLifecycle,
  type UsermetricsOptions,
} from '@usermetrics/node';
import type { MiddyRequestLike, UsermetricsMiddleware } from './types';

/** Key of the parked invocation in `request.internal` (the convention Powertools' `cleanupMiddlewares` uses). */
export const USERMETRICS_FINISH_KEY = 'usermetrics.finish';

// The diagnostics channel of the last middleware built: `cleanupUsermetrics` has no lifecycle of its own
// (the channel is process-wide, so any lifecycle reports to the same place).
let channel: InvocationLifecycle | undefined;

/**
 * middy middleware with exactly the instrumentation of `withUsermetrics` (same implementation): built-in
 * metrics, one ERROR line per failure, timeout warning, cold start, ids in every log line, user metrics
 * flushed at the end. `before` starts the invocation; `after` and `onError` share one finish.
 *
 * The invocation is parked in `request.internal`, and also finished when another middleware returns early
 * (middy skips the remaining `after` middlewares then), so no invocation is left unflushed or with a live
 * timer. Errors pass through unchanged. Invalid options give a middleware that does nothing, after one
 * warning. A failure of the middleware itself is swallowed and, with `debug: true` or `USERMETRICS_DEBUG=1`,
 * reported once to stderr with where it happened.
 * @example
 * import middy from '@middy/core';
 * import { usermetrics } from '@usermetrics/middy';
 * export const handler = middy(myHandler).use(usermetrics({ functionName: 'orders-api', environment: 'production' }));
 */
export function usermetrics<TEvent = unknown>(
  options?: UsermetricsOptions<TEvent>,
): UsermetricsMiddleware<TEvent> {
  // Never throws: a failure to build it is reported on the diagnostics channel and gives `undefined`.
  const life = createInvocationLifecycle(options);
  if (life === undefined) {
    return { before: () => undefined, after: () => undefined, onError: () => undefined };
  }
  channel = life;

  // One guard per entry point; no closure and no await per request: the invocation itself is parked.
  const before = (request: MiddyRequestLike<TEvent>): void => {
    let invocation: Invocation | undefined;
    try {
      invocation = life.start(request.event, request.context);
      if (invocation === undefined) return;
      // middy calls the handler from its own async chain; entering here makes the context visible there.
      life.enter(invocation);
      if (request.internal === null || typeof request.internal !== 'object') request.internal = {};
      request.internal[USERMETRICS_FINISH_KEY] = invocation;
      watchEarlyResponse(request);
    } catch (error) {
      // Telemetry never breaks the host: the request proceeds uninstrumented. An invocation that started
      // but could not be parked is finished now, so it is still counted and leaves no live timer.
      life.reportFailure('middy usermetrics before', error);
      if (invocation !== undefined) void life.finish(invocation, false);
    }
  };
  return { before, after: cleanupUsermetrics, onError: cleanupUsermetrics };
}

/**
 * Finishes the parked invocation of this request (once): built-in metrics written, user metrics flushed.
 * For middlewares that return early and want to await the flush explicitly; `usermetrics()` already does
 * it on its own when middy reports an early response. Never throws; the promise never rejects.
 * @example await cleanupUsermetrics(request);
 */
export function cleanupUsermetrics(request: {
  internal?: Record<string, unknown>;
  error?: unknown;
}): Promise<void> | undefined {
  try {
    const internal = request.internal;
    const invocation = internal?.[USERMETRICS_FINISH_KEY] as Invocation | undefined;
    if (invocation === undefined || invocation === null || typeof invocation !== 'object') return undefined;
    (internal as Record<string, unknown>)[USERMETRICS_FINISH_KEY] = undefined;
    const { error } = request;
    return error !== undefined && error !== null
      ? invocation.lifecycle.finish(invocation, true, error)
      : invocation.lifecycle.finish(invocation, false);
  } catch (error) {
    channel?.reportFailure('middy cleanupUsermetrics', error);
    return undefined;
  }
}

/**
 * middy (≥ 6) marks an early return by assigning `request.earlyResponse` (then `request.response`); the
 * remaining `after` middlewares, ours included, are skipped. That assignment is the one hook every early
 * return goes through, whichever middleware makes it. The request gets a prototype whose `earlyResponse`
 * setter stores the value as an own property (what middy's `Object.hasOwn` check reads) and finishes the
 * invocation: one shared prototype, so each request costs a cached map change instead of redefining a
 * property (which gave every request a map of its own and slowed middy's code after it).
 */
function watchEarlyResponse(request: MiddyRequestLike): void {
  if (Object.getPrototypeOf(request) === Object.prototype)
    Object.setPrototypeOf(request, EARLY_RESPONSE_WATCH);
}

const EARLY_RESPONSE_WATCH: object = Object.create(Object.prototype, {
  earlyResponse: {
    configurable: true,
    set(this: MiddyRequestLike, value: unknown) {
      Object.defineProperty(this, 'earlyResponse', {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      void cleanupUsermetrics(this);
    },
  },
});
