import { writeSync } from 'node:fs';

/** Anything lines can be written to: `process.stdout`, a file stream, or a test's collector. */
export interface LineSink {
  /** Writes one complete, newline-terminated line. */
  write(line: string): void;
}

const MAX_RETRIES = 100;
let shared: LineSink | undefined;
let sleeper: Int32Array | undefined;

/**
 * Writes a whole string to a file descriptor synchronously: retries partial writes and `EAGAIN` (stdout
 * can be a non-blocking pipe), so a line is never cut or lost while the process is alive. Synchronous on
 * purpose: Lambda may freeze the process right after the handler returns, so nothing may sit in a buffer.
 * @internal
 */
export function writeAllSync(fd: number, text: string): void {
  let written = 0;
  let buffer: Buffer | undefined;
  let retries = 0;
  for (;;) {
    try {
      if (buffer === undefined) {
        written = writeSync(fd, text);
        // Common case: one write took everything (bytes ≥ characters, so compare in bytes only if needed).
        if (written >= text.length && written === Buffer.byteLength(text)) return;
        buffer = Buffer.from(text);
      } else {
        written += writeSync(fd, buffer, written);
      }
      if (written >= buffer.length) return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EAGAIN' || ++retries > MAX_RETRIES) throw error;
      sleeper ??= new Int32Array(new SharedArrayBuffer(4));
      Atomics.wait(sleeper, 0, 0, 1);
      if (buffer === undefined) buffer = Buffer.from(text);
    }
  }
}

/**
 * The process-wide synchronous stdout writer (fd 1), shared by the logger and the EMF writers so their
 * lines never interleave mid-line. Created on first use so that importing the package costs nothing.
 * @internal
 */
export function defaultStdout(): LineSink {
  if (shared === undefined) shared = { write: (line: string) => writeAllSync(1, line) };
  return shared;
}
