import { describe, expect, it } from 'vitest';
import { createTrackerState, type TrackerState } from './tracker-state';

const walk = (steps: TrackerState[]) => {
  const state = createTrackerState();
  return steps.map((s) => [s, state.to(s), state.get()]);
};

describe('tracker state', () => {
  it('starts waiting and follows the load path to running, then stops', () => {
    expect(createTrackerState().get()).toBe('waiting');
    expect(walk(['loading', 'running', 'stopping', 'stopped'])).toEqual([
      ['loading', true, 'loading'],
      ['running', true, 'running'],
      ['stopping', true, 'stopping'],
      ['stopped', true, 'stopped'],
    ]);
  });

  it('refuses transitions that do not exist and keeps its value', () => {
    expect(walk(['running', 'stopped', 'loading', 'failed', 'running'])).toEqual([
      ['running', false, 'waiting'],
      ['stopped', false, 'waiting'],
      ['loading', true, 'loading'],
      ['failed', true, 'failed'],
      ['running', false, 'failed'],
    ]);
  });

  it('can stop from every state before stopping, and never leaves stopped', () => {
    for (const path of [[], ['loading'], ['loading', 'running'], ['loading', 'failed']] as TrackerState[][]) {
      const state = createTrackerState();
      for (const s of path) state.to(s);
      expect(state.to('stopping')).toBe(true);
      expect(state.to('stopped')).toBe(true);
      expect(
        ['waiting', 'loading', 'running', 'failed', 'stopping'].some((s) => state.to(s as TrackerState)),
      ).toBe(false);
    }
  });
});
