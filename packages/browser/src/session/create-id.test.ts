import { isUuid } from '@usermetrics/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatchId } from './create-id';

describe('createBatchId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is core's UUIDv7 (one rule for ids in browser and server)", () => {
    const id = createBatchId();
    expect(isUuid(id)).toBe(true);
    expect(id?.[14]).toBe('7');
    expect(new Set(Array.from({ length: 1000 }, () => createBatchId())).size).toBe(1000);
  });

  it('is undefined where Web Crypto is missing, never a throw', () => {
    vi.stubGlobal('crypto', undefined);
    expect(createBatchId()).toBeUndefined();
  });
});
