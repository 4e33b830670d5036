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
  before: (request: MiddyRequestLike<TEvent>) => void;
  after: (request: MiddyRequestLike<TEvent>) => Promise<void> | undefined;
  onError: (request: MiddyRequestLike<TEvent>) => Promise<void> | undefined;
}
