import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultStdout, writeAllSync } from './stdout';

it('shares one synchronous stdout writer per process', () => {
  const a = defaultStdout();
  expect(typeof a.write).toBe('function');
  expect(defaultStdout()).toBe(a);
});

it('writes whole lines, multi-byte characters included', () => {
  const file = join(tmpdir(), `usermetrics-write-${process.pid}.txt`);
  const fd = openSync(file, 'w');
  try {
    const text = `${'{"message":"ünïcødé ✓ 🚀"}\n'.repeat(5000)}`;
    writeAllSync(fd, text);
    writeAllSync(fd, 'tail\n');
    expect(readFileSync(file, 'utf8')).toBe(`${text}tail\n`);
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
});

it('throws errors other than EAGAIN to the caller (which guards every write)', () => {
  expect(() => writeAllSync(987_654, 'x')).toThrow();
});

it('follows a patched fs.writeSync (the dev collector routes fd 1 that way), and stops when it is restored', () => {
  const fs = createRequire(import.meta.url)('node:fs') as { writeSync: (...a: unknown[]) => number };
  const original = fs.writeSync;
  const seen: unknown[] = [];
  fs.writeSync = (fd: unknown, data: unknown) => {
    seen.push([fd, data]);
    return Buffer.byteLength(data as string);
  };
  try {
    defaultStdout().write('{"captured":true}\n');
  } finally {
    fs.writeSync = original;
  }
  expect(seen).toEqual([[1, '{"captured":true}\n']]);
  const file = join(tmpdir(), `usermetrics-restored-${process.pid}.txt`);
  const fd = openSync(file, 'w');
  try {
    writeAllSync(fd, 'after\n');
    expect(seen).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
});
