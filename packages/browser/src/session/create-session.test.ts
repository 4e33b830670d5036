// @vitest-environment happy-dom
import { isUuid, LIMITS } from '@usermetrics/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './create-session';

describe('createSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.sessionStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('makes a UUIDv7 and keeps it in sessionStorage, so a reload gets the same id', () => {
    const first = createSession({ getStorage: () => window.sessionStorage }).getId();
    expect(isUuid(first)).toBe(true);
    expect(first[14]).toBe('7');
    expect(window.sessionStorage.getItem('usermetrics.session')).toContain(first);
    expect(createSession({ getStorage: () => window.sessionStorage }).getId()).toBe(first);
  });

  it('rotates after 30 minutes idle, not while the user stays active', () => {
    const onRotate = vi.fn();
    const session = createSession({ getStorage: () => window.sessionStorage, onRotate });
    const first = session.getId();
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(LIMITS.sessionIdleMs - 1000);
      session.touch();
    }
    expect(session.getId()).toBe(first);
    expect(onRotate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LIMITS.sessionIdleMs + 1);
    const second = session.getId();
    expect(second).not.toBe(first);
    expect(onRotate).toHaveBeenCalledWith(second);
    expect(window.sessionStorage.getItem('usermetrics.session')).toContain(second);
  });

  it('starts a new session when the stored one is already idle too long', () => {
    const old = createSession({ getStorage: () => window.sessionStorage }).getId();
    vi.advanceTimersByTime(LIMITS.sessionIdleMs + 1);
    expect(createSession({ getStorage: () => window.sessionStorage }).getId()).not.toBe(old);
  });

  it('falls back to memory when storage throws, keeping a stable id', () => {
    const throwing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const session = createSession({ getStorage: throwing });
    const id = session.getId();
    expect(isUuid(id)).toBe(true);
    expect(session.getId()).toBe(id);
  });

  it('survives a storage whose setItem throws (quota) and ignores corrupt stored values', () => {
    window.sessionStorage.setItem('usermetrics.session', '{not json');
    const storage = {
      getItem: (k: string) => window.sessionStorage.getItem(k),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const session = createSession({ getStorage: () => storage });
    expect(isUuid(session.getId())).toBe(true);
  });
});
