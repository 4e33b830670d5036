import { createInvocationLifecycle, type UsermetricsOptions } from '@usermetrics/node';
import type { MiddyRequestLike, UsermetricsMiddleware } from './types';

/** Key of the parked finish in `request.internal` (the convention Powertools' `cleanupMiddlewares` uses). */
export const USERMETRICS_FINISH_KEY = 'usermetrics.finish';

type Finish = () => Promise<void> | undefined;

/**
 * middy middleware with exactly the instrumentation of `withUsermetrics` (same implementation): built-in
 * metrics, one ERROR line per failure, timeout warning, cold start, ids in every log line, user metrics
 * flushed at the end. `before` starts the invocation; `after` and `onError` share one finish.
 *
 * The finish is parked in `request.internal`, and also runs when another middleware returns early (middy
 * skips the remaining `after` middlewares then), so no invocation is left unflushed or with a live timer.
 * Errors pass through unchanged. Invalid options give a middleware that does nothing, after one warning.
 * @example
 * import middy from '@middy/core';
 * import { usermetrics } from '@usermetrics/middy';
 * export const handler = middy(myHandler).use(usermetrics({ functionName: 'orders-api', environment: 'production' }));
 */
export function usermetrics<TEvent = unknown>(
  options?: UsermetricsOptions<TEvent>,
): UsermetricsMiddleware<TEvent> {
  let lifecycle: ReturnType<typeof createInvocationLifecycle>;
  try {
    lifecycle = createInvocationLifecycle(options);
  } catch {
    lifecycle = undefined;
  }
  if (lifecycle === undefined) {
    return { before: () => undefined, after: () => undefined, onError: () => undefined };
  }
  const life = lifecycle;

  const before = (request: MiddyRequestLike<TEvent>): void => {
    try {
      const invocation = life.start(request.event, request.context);
      if (invocation === undefined) return;
      // middy calls the handler from its own async chain; entering here makes the context visible there.
      life.enter(invocation);
      const finish: Finish = () => {
        const error = request.error;
        const failed = error !== undefined && error !== null;
        return failed ? life.finish(invocation, true, error) : life.finish(invocation, false);
      };
      if (request.internal === null || typeof request.internal !== 'object') request.internal = {};
      request.internal[USERMETRICS_FINISH_KEY] = finish;
      finishOnEarlyResponse(request);
    } catch {
      // Telemetry never breaks the host: the request proceeds uninstrumented.
    }
  };

  const afterOrError = (request: MiddyRequestLike<TEvent>): Promise<void> | undefined =>
    cleanupUsermetrics(request);
  return { before, after: afterOrError, onError: afterOrError };
}

/**
 * Runs the parked finish of this request (once). For middlewares that return early and want to await the
 * flush explicitly; `usermetrics()` already does it on its own when middy reports an early response.
 * @example await cleanupUsermetrics(request);
 */
export function cleanupUsermetrics(request: {
  internal?: Record<string, unknown>;
}): Promise<void> | undefined {
  try {
    const finish = request.internal?.[USERMETRICS_FINISH_KEY];
    if (typeof finish !== 'function') return undefined;
    delete request.internal?.[USERMETRICS_FINISH_KEY];
    return (finish as Finish)();
  } catch {
    return undefined;
  }
}

/**
 * middy (≥ 6) marks an early return by setting `request.earlyResponse` and then `request.response`; the
 * remaining `after` middlewares, ours included, are skipped. Watching the `response` assignment is the one
 * hook every early return goes through, whichever middleware does it.
 */
function finishOnEarlyResponse(request: MiddyRequestLike): void {
  let value = request.response;
  Object.defineProperty(request, 'response', {
    configurable: true,
    enumerable: true,
    get: () => value,
    set: (next: unknown) => {
      value = next;
      if (Object.hasOwn(request, 'earlyResponse')) void cleanupUsermetrics(request);
    },
  });
}
