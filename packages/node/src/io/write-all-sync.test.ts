import { beforeEach, expect, it } from 'vitest';
import { writeAllSync as writeAllSyncWith } from './stdout';

const writes: { fd: number; data: string; offset?: number }[] = [];
let script: ((data: string | Buffer, offset?: number) => number)[] = [];

/** A scripted stand-in for fs.writeSync: each step decides how many bytes one call takes (or throws). */
const fakeWrite = (fd: number, data: string | Uint8Array, offset?: number): number => {
  const step = script.shift();
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data).subarray(offset ?? 0);
  const n = step ? step(typeof data === 'string' ? data : Buffer.from(data), offset) : bytes.length;
  writes.push({ fd, data: bytes.subarray(0, n).toString(), offset });
  return n;
};
const writeAllSync = (fd: number, text: string, ascii = false) =>
  writeAllSyncWith(fd, text, { writeSync: fakeWrite }, ascii);

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

it('trusts an ASCII caller to skip the byte count, and still finishes a partial ASCII write', () => {
  writeAllSync(1, 'abc\n', true);
  expect(writes.map((w) => w.data)).toEqual(['abc\n']);
  writes.length = 0;
  script = [() => 2];
  writeAllSync(1, 'abcdef\n', true);
  expect(writes.map((w) => w.data).join('')).toBe('abcdef\n');
  expect(writes.length).toBe(2);
});
