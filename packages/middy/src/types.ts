import type { LambdaContextLike } from '@usermetrics/node';

/**
 * The parts of a middy request the middleware reads. A structural look-alike of `@middy/core`'s `Request`,
 * so this package never imports `@middy/core` at runtime (it is a peer dependency).
 */
export interface MiddyRequestLike<TEvent = unknown> {
  event: TEvent;
  context: LambdaContextLike;
  response?: unknown;
  error?: unknown;
  internal: Record<string, unknown>;
}

/** A middy middleware object (look-alike of `@middy/core`'s `MiddlewareObj`). */
export interface UsermetricsMiddleware<TEvent = unknown> {
  /** Starts the invocation: cold start, ids, timeout timer. */
  before: (request: MiddyRequestLike<TEvent>) => void;
  /** Finishes a successful invocation: built-in and user metrics written. */
  after: (request: MiddyRequestLike<TEvent>) => Promise<void> | undefined;
  /** Finishes a failed invocation: one ERROR line, Errors counted; middy rethrows the error unchanged. */
  onError: (request: MiddyRequestLike<TEvent>) => Promise<void> | undefined;
}
