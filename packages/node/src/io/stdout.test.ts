import { expect, it } from 'vitest';
import { defaultStdout } from './stdout';

it('shares one synchronous stdout writer per process', () => {
  const a = defaultStdout();
  expect(typeof a.write).toBe('function');
  expect(defaultStdout()).toBe(a);
});
