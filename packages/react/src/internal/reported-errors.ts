// Errors the <ErrorBoundary> already sent, so the React 19 root handlers do not send them a second time.
// A WeakSet never keeps an error alive. Thrown primitives (`throw 'x'`, `throw null`) have no identity and
// cannot be remembered; for those the root handlers rely on the boundary brand below instead.
import type { TrackErrorContext, Tracker } from '@usermetrics/browser';

const reported = new WeakSet<object>();

/** Marks an instance as "reports its own errors" so `onCaughtError` can skip them; works across bundle copies. */
export const REPORTS_OWN_ERRORS: unique symbol = Symbol.for('usermetrics.react.reportsOwnErrors') as never;

/** Remembers that `error` went to the tracker. */
export function markReported(error: unknown): void {
  // `Object(x) === x` holds for objects and functions only: WeakSet#add would throw on a primitive.
  if (Object(error) === error) reported.add(error as object);
}

/** Whether `error` already went to the tracker (always false for primitives: WeakSet#has accepts anything). */
export function wasReported(error: unknown): boolean {
  return reported.has(error as object);
}

/** Whether a React error boundary instance is one of ours, which reports what it catches itself. */
export function isReportingBoundary(boundary: unknown): boolean {
  return (boundary as { [REPORTS_OWN_ERRORS]?: boolean } | null | undefined)?.[REPORTS_OWN_ERRORS] === true;
}

/**
 * Sends `error` unless it already went to the tracker, without waiting for the answer. Best effort: a missing
 * or broken tracker is ignored, so the caller's own error handling always goes on.
 */
export function reportOnce(tracker: Tracker | undefined, error: unknown, context: TrackErrorContext): void {
  if (wasReported(error)) return;
  markReported(error);
  try {
    tracker?.trackError(error, context).catch(() => undefined);
  } catch {
    // A Tracker never throws or rejects by contract; a hand-written one passed as `tracker` might.
  }
}
