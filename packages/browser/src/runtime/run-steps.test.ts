import { describe, expect, it } from 'vitest';
import { runSteps } from './run-steps';

/** A scheduler that only records: the test decides when each scheduled task runs. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  const cancelled: number[] = [];
  const schedule = (fn: () => void) => {
    const i = tasks.push(fn) - 1;
    return () => cancelled.push(i);
  };
  return { tasks, cancelled, schedule };
}

describe('runSteps', () => {
  it('runs one step per scheduled task, in order', () => {
    const { tasks, schedule } = manualSchedule();
    const ran: number[] = [];
    runSteps([() => ran.push(1), () => ran.push(2), () => ran.push(3)], schedule, () => {});
    expect(ran).toEqual([]);
    tasks[0]?.();
    expect(ran).toEqual([1]);
    tasks[1]?.();
    tasks[2]?.();
    expect(ran).toEqual([1, 2, 3]);
    expect(tasks).toHaveLength(3);
  });

  it('finish() runs what is left at once and cancels the pending task', () => {
    const { tasks, cancelled, schedule } = manualSchedule();
    const ran: number[] = [];
    const run = runSteps([() => ran.push(1), () => ran.push(2), () => ran.push(3)], schedule, () => {});
    tasks[0]?.();
    run.finish();
    expect(ran).toEqual([1, 2, 3]);
    expect(cancelled).toEqual([1]);
  });

  it('reports a step that throws and still runs the next', () => {
    const { tasks, schedule } = manualSchedule();
    const errors: unknown[] = [];
    const ran: number[] = [];
    const boom = new Error('step');
    runSteps(
      [
        () => {
          throw boom;
        },
        () => ran.push(2),
      ],
      schedule,
      (e) => errors.push(e),
    );
    tasks[0]?.();
    tasks[1]?.();
    expect(errors).toEqual([boom]);
    expect(ran).toEqual([2]);
  });

  it('cancel() runs no further step', () => {
    const { tasks, schedule } = manualSchedule();
    const ran: number[] = [];
    const run = runSteps([() => ran.push(1), () => ran.push(2)], schedule, () => {});
    run.cancel();
    run.finish();
    expect(ran).toEqual([]);
    expect(tasks).toHaveLength(1);
  });
});
