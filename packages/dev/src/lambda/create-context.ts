import type { LambdaContext } from './types';

/** What the context is made from. */
export interface ContextOptions {
  functionName: string;
  requestId: string;
  /** The function's configured timeout; `getRemainingTimeInMillis` counts down from it. */
  timeoutMs: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * A Lambda context whose `getRemainingTimeInMillis` counts down from the route's timeout, so a wrapper's
 * timeout warning fires locally exactly as it would on AWS.
 */
export function createLambdaContext(options: ContextOptions): LambdaContext {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const fn = options.functionName;
  const noop = () => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${fn}`,
    memoryLimitInMB: '128',
    awsRequestId: options.requestId,
    logGroupName: `/aws/lambda/${fn}`,
    logStreamName: `local/[$LATEST]${options.requestId.replaceAll('-', '').slice(0, 32)}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
}
