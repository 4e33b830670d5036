import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  it('lets a burst through, then asks to wait, then refills with time', () => {
    let t = 0;
    const bucket = createTokenBucket(2, 3, () => t);

    const burst = [bucket.take(), bucket.take(), bucket.take(), bucket.take()];
    t += 500;
    const afterHalfSecond = bucket.take();

    expect(burst).toEqual([0, 0, 0, 1]);
    expect(afterHalfSecond).toBe(0);
  });

  it('answers Retry-After in whole seconds for slow rates', () => {
    const bucket = createTokenBucket(0.1, 1, () => 0);

    bucket.take();

    expect(bucket.take()).toBe(10);
  });

  it('never overfills beyond burst after a long pause, nor breaks when the clock goes back', () => {
    let t = 0;
    const bucket = createTokenBucket(10, 2, () => t);
    t = 1_000_000;
    const taken = [bucket.take(), bucket.take(), bucket.take()];
    t = 0;

    expect(taken).toEqual([0, 0, 1]);
    expect(bucket.take()).toBe(1);
  });
});
