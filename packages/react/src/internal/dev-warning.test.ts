import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDevelopment, rethrowAsync, warnOnce } from './dev-warning';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('isDevelopment', () => {
  it('follows NODE_ENV', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(isDevelopment()).toBe(true);
    vi.stubEnv('NODE_ENV', 'production');
    expect(isDevelopment()).toBe(false);
  });

  it('is false, and does not throw, where `process` does not exist', () => {
    const saved = globalThis.process;
    vi.stubEnv('NODE_ENV', 'development');
    expect(isDevelopment()).toBe(true); // positive control
    try {
      // @ts-expect-error simulating a browser without a bundler-defined process
      globalThis.process = undefined;
      expect(isDevelopment()).toBe(false);
    } finally {
      globalThis.process = saved;
    }
  });
});

describe('warnOnce', () => {
  it('warns once per message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warnOnce('first message');
    warnOnce('first message');
    warnOnce('second message');
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[@usermetrics/react] first message',
      '[@usermetrics/react] second message',
    ]);
  });
});

describe('rethrowAsync', () => {
  it('throws the same object later, outside the caller', () => {
    vi.useFakeTimers();
    const original = new Error('app callback failed');
    expect(() => rethrowAsync(original)).not.toThrow();
    let thrown: unknown;
    try {
      vi.runAllTimers();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(original);
  });
});
