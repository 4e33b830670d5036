/** A sequence of start-up steps in progress. */
export interface StepRun {
  /** Runs every step not yet run, now, in order (a flush or shutdown cannot wait for idle time). */
  finish(): void;
  /** Runs no further step. */
  cancel(): void;
}

/**
 * Runs `steps` one per task: the first when `schedule` calls back, each next one scheduled after the one
 * before has run. A step that throws is reported and the next still runs.
 */
export function runSteps(
  steps: readonly (() => void)[],
  schedule: (fn: () => void) => () => void,
  onError: (error: unknown) => void,
): StepRun {
  let next = 0;
  let cancelPending: (() => void) | undefined;
  const runOne = (): void => {
    const step = steps[next++];
    try {
      step?.();
    } catch (error) {
      onError(error);
    }
  };
  const scheduleNext = (): void => {
    cancelPending =
      next < steps.length
        ? schedule(() => {
            runOne();
            scheduleNext();
          })
        : undefined;
  };
  scheduleNext();
  return {
    finish() {
      cancelPending?.();
      cancelPending = undefined;
      while (next < steps.length) runOne();
    },
    cancel() {
      cancelPending?.();
      cancelPending = undefined;
      next = steps.length;
    },
  };
}
