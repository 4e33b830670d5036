import { describe, expect, it } from 'vitest';
import { createCallQueue } from './call-queue';

describe('createCallQueue', () => {
  it('runs queued calls in order on the target and empties itself', () => {
    const queue = createCallQueue<string[]>();
    queue.push((t) => t.push('a'));
    queue.push((t) => t.push('b'));
    const target: string[] = [];
    queue.drain(target);
    expect(target).toEqual(['a', 'b']);
    expect(queue.size).toBe(0);
    queue.drain(target);
    expect(target).toEqual(['a', 'b']);
  });

  it('refuses calls beyond its limit and keeps the ones it accepted', () => {
    const queue = createCallQueue<number[]>(2);
    expect(queue.push((t) => t.push(1))).toBe(true);
    expect(queue.push((t) => t.push(2))).toBe(true);
    expect(queue.push((t) => t.push(3))).toBe(false);
    const target: number[] = [];
    queue.drain(target);
    expect(target).toEqual([1, 2]);
  });

  it('defaults to 100 calls', () => {
    const queue = createCallQueue<void>();
    const accepted = Array.from({ length: 101 }, () => queue.push(() => {})).filter(Boolean);
    expect(accepted).toHaveLength(100);
  });

  it('keeps draining after a call that throws, and runs calls queued while draining', () => {
    const queue = createCallQueue<string[]>();
    queue.push(() => {
      throw new Error('faulty');
    });
    queue.push((t) => {
      t.push('after');
      queue.push((u) => u.push('nested'));
    });
    const target: string[] = [];
    expect(() => queue.drain(target)).not.toThrow();
    expect(target).toEqual(['after', 'nested']);
  });
});
