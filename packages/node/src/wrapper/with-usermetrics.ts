import { createInvocationLifecycle, type Invocation, type InvocationLifecycle } from './invocation-lifecycle';
import type { LambdaContextLike, UsermetricsOptions } from './types';

/**
 * Instruments an async Lambda handler (API Gateway REST v1 and HTTP v2 events, or any other event).
 *
 * Per invocation it writes the built-in EMF metrics of DESIGN §3 (Invocations, Errors by errorType,
 * ColdStart, InitDuration, Duration by route), one ERROR log line when the handler fails, and a WARN line
 * plus a TimeoutWarning metric `timeoutMarginMs` before Lambda's timeout; user metrics (`metrics.add`) are
 * flushed before the result is returned. The handler's result and thrown error pass through unchanged (the
 * same object). `awsRequestId` and the `X-Session-Id` header are available to handler code through
 * `getInvocationContext()` and appear in every log line. Invalid options give back the handler
 * uninstrumented, after one console warning.
 * @example
 * export const handler = withUsermetrics(async (event) => ({ statusCode: 200, body: 'ok' }), {
 *   functionName: 'orders-api',
 *   environment: 'production',
 *   route: (event) => event.routeKey,
 * });
 */
export function withUsermetrics<TEvent, TResult, TContext extends LambdaContextLike = LambdaContextLike>(
  handler: (event: TEvent, context: TContext) => Promise<TResult>,
  options?: UsermetricsOptions<TEvent>,
): (event: TEvent, context: TContext) => Promise<TResult> {
  if (typeof handler !== 'function') {
    console.warn('[usermetrics] withUsermetrics needs a handler function; returning it unchanged.');
    return handler;
  }
  const life = createInvocationLifecycle(options);
  if (life === undefined) return handler;
  return function usermetricsHandler(event: TEvent, context: TContext): Promise<TResult> {
    const invocation = life.start(event, context);
    if (invocation === undefined) return handler(event, context);
    return life.run(invocation, () => runHandler(handler, event, context, invocation, life));
  };
}

async function runHandler<TEvent, TResult, TContext>(
  handler: (event: TEvent, context: TContext) => Promise<TResult>,
  event: TEvent,
  context: TContext,
  invocation: Invocation,
  lifecycle: InvocationLifecycle,
): Promise<TResult> {
  let result: TResult;
  try {
    result = await handler(event, context);
  } catch (error) {
    const pending = lifecycle.finish(invocation, true, error);
    if (pending !== undefined) await pending;
    throw error;
  }
  const pending = lifecycle.finish(invocation, false);
  if (pending !== undefined) await pending;
  return result;
}
