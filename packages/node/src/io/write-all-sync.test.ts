import { beforeEach, expect, it, vi } from 'vitest';

const writes: { fd: number; data: string; offset?: number }[] = [];
let script: ((data: string | Buffer, offset?: number) => number)[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: (fd: number, data: string | Buffer, offset?: number) => {
      const step = script.shift();
      const n = step
        ? step(data, offset)
        : Buffer.byteLength(typeof data === 'string' ? data : data.subarray(offset ?? 0));
      const bytes = typeof data === 'string' ? Buffer.from(data) : data.subarray(offset ?? 0);
      writes.push({ fd, data: bytes.subarray(0, n).toString(), offset });
      return n;
    },
  };
});

const { writeAllSync } = await import('./stdout');

beforeEach(() => {
  writes.length = 0;
  script = [];
});

it('finishes a partial write of multi-byte text without cutting or repeating bytes', () => {
  const text = 'héllo wörld ✓\n';
  script = [() => 5, () => 3];
  writeAllSync(1, text);
  expect(writes.map((w) => w.data).join('')).toBe(text);
  expect(writes.length).toBe(3);
});

it('retries EAGAIN from a non-blocking pipe and then writes everything once', () => {
  const eagain = () => {
    throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
  };
  script = [eagain, eagain];
  writeAllSync(1, 'line\n');
  expect(writes.map((w) => w.data).join('')).toBe('line\n');
});

it('gives up after repeated EAGAIN and on other errors (the callers catch)', () => {
  const eagain = () => {
    throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
  };
  script = Array.from({ length: 200 }, () => eagain);
  expect(() => writeAllSync(1, 'x')).toThrow('EAGAIN');
  script = [
    () => {
      throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
    },
  ];
  expect(() => writeAllSync(1, 'x')).toThrow('EPIPE');
});
