import { expect, it } from 'vitest';

it('keeps the public export surface stable', async () => {
  expect(Object.keys(await import('./index')).sort()).toMatchSnapshot();
});

it('has no side effects on globals when imported', async () => {
  const before = Object.keys(globalThis).sort();
  await import('./index');
  expect(Object.keys(globalThis).sort()).toEqual(before);
});
