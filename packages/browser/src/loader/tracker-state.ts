/**
 * The life of a tracker, one value:
 * - `waiting`: created; public calls are queued until the runtime loads (after the load event, when idle);
 * - `loading`: the runtime chunk is being imported and started; calls still queue;
 * - `running`: the runtime took the queue over; calls go straight to it;
 * - `failed`: the runtime could not load; calls are counted as dropped (`rejected`) and settle at once;
 * - `stopping`: shutdown began; new calls are ignored, queued ones are still sent;
 * - `stopped`: everything is torn down.
 */
export type TrackerState = 'waiting' | 'loading' | 'running' | 'failed' | 'stopping' | 'stopped';

const NEXT: Record<TrackerState, readonly TrackerState[]> = {
  waiting: ['loading', 'stopping'],
  loading: ['running', 'failed', 'stopping'],
  running: ['stopping'],
  failed: ['stopping'],
  stopping: ['stopped'],
  stopped: [],
};

/** The state holder: reads the value, and moves it only along the transitions above. */
export interface TrackerStateMachine {
  get(): TrackerState;
  /** Moves to `next` when that transition exists; returns whether it did. */
  to(next: TrackerState): boolean;
}

/** Creates the state holder, starting at `waiting`. */
export function createTrackerState(): TrackerStateMachine {
  let state: TrackerState = 'waiting';
  return {
    get: () => state,
    to(next) {
      if (!NEXT[state].includes(next)) return false;
      state = next;
      return true;
    },
  };
}
