/**
 * @usermetrics/middy — the usermetrics Lambda instrumentation as a middy middleware:
 * `middy(handler).use(usermetrics({ functionName, environment }))`.
 * @packageDocumentation
 */
export type { MiddyRequestLike, UsermetricsMiddleware } from './types';
export { cleanupUsermetrics, USERMETRICS_FINISH_KEY, usermetrics } from './usermetrics';
