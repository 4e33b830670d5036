// Errors the <ErrorBoundary> already sent, so the React 19 root handlers do not send them a second time.
// A WeakSet never keeps an error alive. Thrown primitives (`throw 'x'`, `throw null`) have no identity and
// cannot be remembered; for those the root handlers rely on the boundary brand below instead.
const reported = new WeakSet<object>();

/** Marks an instance as "reports its own errors" so `onCaughtError` can skip them; works across bundle copies. */
export const REPORTS_OWN_ERRORS: unique symbol = Symbol.for('usermetrics.react.reportsOwnErrors') as never;

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** Remembers that `error` went to the tracker. */
export function markReported(error: unknown): void {
  if (isObject(error)) reported.add(error);
}

/** Whether `error` already went to the tracker (always false for primitives). */
export function wasReported(error: unknown): boolean {
  return isObject(error) && reported.has(error);
}

/** Whether a React error boundary instance is one of ours, which reports what it catches itself. */
export function isReportingBoundary(boundary: unknown): boolean {
  return isObject(boundary) && (boundary as { [REPORTS_OWN_ERRORS]?: boolean })[REPORTS_OWN_ERRORS] === true;
}
