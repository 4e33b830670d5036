import type { Clock } from './types';

/** The default clock: real timers, Math.random and Date.now. */
export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
  now: () => Date.now(),
};
