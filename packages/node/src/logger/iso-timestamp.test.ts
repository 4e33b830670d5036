import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isoTimestamp } from './iso-timestamp';

const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);

it('equals Date#toISOString for every millisecond from 1970 to 9999', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
      expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
    }),
    { numRuns: 2000 * FACTOR },
  );
});

it('equals Date#toISOString at the edges: leap days, month and year ends, century rules', () => {
  const edges = [
    0,
    Date.UTC(2000, 1, 29, 23, 59, 59, 999),
    Date.UTC(2100, 1, 28, 12),
    Date.UTC(2100, 2, 1),
    Date.UTC(2024, 11, 31, 23, 59, 59, 999),
    Date.UTC(2025, 0, 1),
    Date.UTC(2026, 10, 26, 7, 5, 9, 7),
    253_402_300_799_999,
  ];
  for (const ms of edges) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
});

it('hands times outside its range, and non-integers, to Date', () => {
  for (const ms of [-1, -86_400_001, 253_402_300_800_000, 1.5]) {
    expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  }
});
