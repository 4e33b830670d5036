import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Receives the complete lines one invocation wrote to stdout. */
export interface LineTarget {
  onLine(line: string): void;
}

/** Attributes stdout lines to the invocation that wrote them. */
export interface StdoutCapture {
  /** Runs `fn` so that every stdout line it writes, across `await`s and timers, goes to `target`. */
  run<T>(target: LineTarget, fn: () => T): T;
  /** A writer to inject where a package accepts one (`stdout`/`destination` options). */
  readonly writer: { write(chunk: string): boolean };
  /** Hands over a line left without its newline at the end of an invocation. */
  flush(target: LineTarget): void;
  /** Undoes the patches once every user has released. */
  release(): void;
}

interface Slot {
  target: LineTarget;
  partial: string;
}

const storage = new AsyncLocalStorage<Slot>();
const slots = new WeakMap<LineTarget, Slot>();
let users = 0;
let restore: (() => void) | undefined;

/**
 * Handlers write to stdout in two ways: `process.stdout.write` (console.log, aws-embedded-metrics) and a
 * synchronous `fs.writeSync(1, …)` (@usermetrics/node's default destination and pino's sonic-boom, so
 * nothing is buffered when Lambda freezes the process). Both are patched once; a write made inside `run()` is routed
 * by AsyncLocalStorage to that invocation and not echoed, every other write passes through unchanged, so the
 * collector's own terminal output is untouched and overlapping invocations never mix their lines.
 */
export function createStdoutCapture(): StdoutCapture {
  users++;
  if (restore === undefined) restore = install();
  let released = false;
  return {
    run(target, fn) {
      let slot = slots.get(target);
      if (slot === undefined) {
        slot = { target, partial: '' };
        slots.set(target, slot);
      }
      return storage.run(slot, fn);
    },
    writer: {
      write(chunk: string) {
        const slot = storage.getStore();
        if (slot === undefined) return process.stdout.write(chunk);
        feed(slot, chunk);
        return true;
      },
    },
    flush(target) {
      const slot = slots.get(target);
      if (slot !== undefined && slot.partial !== '') {
        const rest = slot.partial;
        slot.partial = '';
        deliver(slot, rest);
      }
    },
    release() {
      if (released) return;
      released = true;
      users--;
      if (users === 0 && restore !== undefined) {
        restore();
        restore = undefined;
      }
    },
  };
}

function feed(slot: Slot, chunk: string): void {
  let text = slot.partial + chunk;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    deliver(slot, text.slice(0, nl));
    text = text.slice(nl + 1);
    nl = text.indexOf('\n');
  }
  slot.partial = text;
}

function deliver(slot: Slot, line: string): void {
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (trimmed === '') return;
  try {
    slot.target.onLine(trimmed);
  } catch {
    // A broken consumer must not break the handler that happened to log.
  }
}

function toText(data: unknown, encoding?: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array)
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString();
  return String(data ?? (typeof encoding === 'string' ? '' : ''));
}

function install(): () => void {
  const stdout = process.stdout;
  const originalWrite = stdout.write;
  const originalWriteSync = fs.writeSync;
  const patchedWrite = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const slot = storage.getStore();
    if (slot === undefined)
      return (originalWrite as (...a: unknown[]) => boolean).call(stdout, chunk, ...rest);
    feed(slot, toText(chunk, rest[0]));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (cb !== undefined) queueMicrotask(cb);
    return true;
  };
  const patchedWriteSync = (fd: number, data: unknown, ...rest: unknown[]): number => {
    const slot = fd === 1 ? storage.getStore() : undefined;
    if (slot === undefined) return (originalWriteSync as (...a: unknown[]) => number)(fd, data, ...rest);
    const text = toText(data);
    feed(slot, text);
    return typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
  };
  stdout.write = patchedWrite as typeof stdout.write;
  fs.writeSync = patchedWriteSync as typeof fs.writeSync;
  // Code that did `import { writeSync } from 'node:fs'` (as @usermetrics/node does) holds an ESM binding, not
  // the CommonJS property: this makes those bindings follow the patch too.
  syncBuiltinESMExports();
  return () => {
    if (stdout.write === patchedWrite) stdout.write = originalWrite;
    if (fs.writeSync === patchedWriteSync) fs.writeSync = originalWriteSync;
    syncBuiltinESMExports();
  };
}
