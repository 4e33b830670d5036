/** Calls made before their target exists, waiting in order (DESIGN §10: no public call is lost silently). */
export interface CallQueue<T> {
  /** Queues `call`; false when the queue is full (the caller counts or settles the call itself). */
  push(call: (target: T) => void): boolean;
  /**
   * Runs every queued call on `target`, in order, and empties the queue. A call that throws does not stop
   * the ones queued after it. Calls pushed while draining run in the same drain.
   */
  drain(target: T): void;
  /** How many calls are waiting. */
  readonly size: number;
}

/**
 * The one pre-start queue of usermetrics: the browser tracker's facade keeps calls in it until its runtime
 * has loaded, and `@usermetrics/react`'s provider keeps the calls its children make before the tracker
 * exists. Bounded, so a page that never lets the tracker start cannot grow it without limit.
 * @example
 * const queue = createCallQueue<Tracker>();
 * if (!queue.push((t) => t.trackEvent('signup'))) countDrop();
 * queue.drain(tracker);
 */
export function createCallQueue<T>(limit = 100): CallQueue<T> {
  const calls: ((target: T) => void)[] = [];
  return {
    push(call) {
      if (calls.length >= limit) return false;
      calls.push(call);
      return true;
    },
    drain(target) {
      // Index loop over the live array: calls queued by a call being drained run too, in order.
      for (let i = 0; i < calls.length; i++) {
        try {
          (calls[i] as (target: T) => void)(target);
        } catch {
          // By contract the calls do not throw; one faulty call must not drop the calls after it.
        }
      }
      calls.length = 0;
    },
    get size() {
      return calls.length;
    },
  };
}
