import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What usermetrics knows about the Lambda invocation that is running right now. Read it from handler code
 * with {@link getInvocationContext}; every log line written inside the invocation carries these ids.
 */
export interface InvocationContext {
  /** `context.awsRequestId` of the current invocation. */
  readonly requestId: string;
  /** The validated `X-Session-Id` request header, when the caller sent one. */
  readonly sessionId?: string;
  /** Whether this invocation is the cold start of the process (DESIGN §3). */
  readonly coldStart: boolean;
  /** Function name used for the metrics' `functionName` dimension. */
  readonly functionName: string;
  /** Route pattern of the request, when one is known (`GET /users/{id}`), never a raw path. */
  readonly route?: string;
  /** The X-Ray trace id (`Root=` of `_X_AMZN_TRACE_ID`) of this invocation, when Lambda set one. */
  readonly traceId?: string;
}

/**
 * The store also carries private per-invocation state (the user's metrics buffer) that must never leak
 * between overlapping invocations, so it lives in the same AsyncLocalStorage slot.
 * @internal
 */
export interface InvocationStore extends InvocationContext {
  /** Lazily created per-invocation state of the user metrics API; see metrics/. */
  userMetrics?: unknown;
  /**
   * Set when the invocation finished. The middy front door enters the store with `enterWith`, which can
   * outlive the invocation in the caller's async context; an ended store is treated as no store.
   */
  ended?: boolean;
}

/** @internal One storage for the whole package, shared by the logger, the wrapper and the metrics API. */
export const invocationStorage: AsyncLocalStorage<InvocationStore> = new AsyncLocalStorage<InvocationStore>();

/**
 * The context of the invocation this code runs in, or `undefined` outside a wrapped handler. Works across
 * `await`, timers and promise chains started inside the handler, and never mixes overlapping invocations.
 * @example
 * const { requestId, sessionId } = getInvocationContext() ?? {};
 */
export function getInvocationContext(): InvocationContext | undefined {
  const store = activeStore();
  if (store === undefined) return undefined;
  const { requestId, sessionId, coldStart, functionName, route, traceId } = store;
  return { requestId, sessionId, coldStart, functionName, route, traceId };
}

/** The store of the running invocation, or undefined outside one (or after it ended). @internal */
export function activeStore(): InvocationStore | undefined {
  const store = invocationStorage.getStore();
  return store === undefined || store.ended === true ? undefined : store;
}
