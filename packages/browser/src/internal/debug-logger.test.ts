import { describe, expect, it, vi } from 'vitest';
import { createDebugLogger, guard } from './debug-logger';

describe('createDebugLogger', () => {
  it('with debug on, shows each internal failure once per key', () => {
    const sink = vi.fn();
    const log = createDebugLogger(true, sink);
    log.report('transport', new Error('a'));
    log.report('transport', new Error('b'));
    log.report('consent', new Error('c'));
    log.log('hello');
    expect(sink.mock.calls.map((c) => c[0])).toEqual([
      '[usermetrics] internal failure in transport',
      '[usermetrics] internal failure in consent',
      '[usermetrics] hello',
    ]);
  });

  it('with debug off, shows nothing', () => {
    const sink = vi.fn();
    const log = createDebugLogger(false, sink);
    log.report('x', new Error('a'));
    log.log('hello');
    expect(sink).not.toHaveBeenCalled();
  });

  it('survives a throwing console', () => {
    const log = createDebugLogger(true, () => {
      throw new Error('console gone');
    });
    expect(() => log.report('x')).not.toThrow();
  });
});

describe('guard', () => {
  it('returns the result, or the fallback after reporting a throw', () => {
    const sink = vi.fn();
    const log = createDebugLogger(true, sink);
    expect(guard(log, 'ok', () => 1, 0)).toBe(1);
    expect(
      guard(
        log,
        'bad',
        () => {
          throw new Error('x');
        },
        0,
      ),
    ).toBe(0);
    expect(sink).toHaveBeenCalledWith('[usermetrics] internal failure in bad', expect.any(Error));
  });
});
