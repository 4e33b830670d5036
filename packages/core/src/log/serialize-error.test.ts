import { describe, expect, it } from 'vitest';
import { serializeError } from './serialize-error';

describe('serializeError', () => {
  it('keeps name, message, stack and the cause chain', () => {
    const root = new RangeError('root');
    const err = new TypeError('top', { cause: new Error('middle', { cause: root }) });
    const s = serializeError(err);
    expect(s).toMatchObject({
      name: 'TypeError',
      message: 'top',
      cause: { message: 'middle', cause: { name: 'RangeError' } },
    });
    expect(s.stack).toContain('TypeError: top');
  });

  it('keeps the handled flag and the frames of an error report, and no other own property', () => {
    const frames = [{ url: 'https://app.example/a.js', line: 1, column: 2, function: 'f' }];
    const report = { name: 'TypeError', message: 'x', handled: false, frames, secretish: 'y' };

    const out = serializeError(report);

    expect(out).toEqual({ name: 'TypeError', message: 'x', handled: false, frames });
    expect(serializeError({ name: 'E', message: 'm', handled: 'no', frames: 'f' })).toEqual({
      name: 'E',
      message: 'm',
    });
  });

  it('stops at 5 levels of cause, even for a cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    let depth = 0;
    let cur: unknown = serializeError(a);
    while (cur && typeof cur === 'object' && 'cause' in cur) {
      cur = (cur as { cause: unknown }).cause;
      depth++;
    }
    expect(depth).toBe(5);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['str', 'str'],
    [42, '42'],
    [10n, '10n'],
    [{ a: 1 }, '{"a":1}'],
  ])('describes a thrown non-error %s', (thrown, message) => {
    expect(serializeError(thrown)).toEqual({ name: 'NonError', message });
  });

  it('never throws for hostile errors', () => {
    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
    };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const withBadStack = new Error('x');
    Object.defineProperty(withBadStack, 'stack', {
      get() {
        throw new Error('no');
      },
    });
    expect(() => serializeError(hostile)).not.toThrow();
    expect(serializeError(cyclic).name).toBe('NonError');
    expect(serializeError(withBadStack)).toEqual({ name: 'Error', message: 'x' });
    expect(serializeError(new Error('c', { cause: 'text cause' })).cause).toBe('text cause');
  });
});
