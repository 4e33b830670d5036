/** Anything lines can be written to: `process.stdout`, a file stream, or a test's collector. */
export interface LineSink {
  /** Writes one complete, newline-terminated line. */
  write(line: string): void;
  /**
   * Optional: the same as `write` for a line the caller knows is 7-bit ASCII (one byte per character), which
   * lets a byte-counting sink skip counting. A sink without it gets `write`.
   */
  writeAscii?(line: string): void;
}

/** `fs.writeSync`'s shape, the only part of node:fs this package uses. */
export type WriteSync = (fd: number, data: string | Uint8Array, offset?: number) => number;
/** The part of node:fs this package uses; read on every write, so a patched `fs.writeSync` is followed. */
export interface SyncWriter {
  writeSync: WriteSync;
}

const MAX_RETRIES = 100;
let shared: LineSink | undefined;
let sleeper: Int32Array | undefined;
let nodeFs: SyncWriter | undefined;
let fsRequested = false;

/**
 * node:fs, taken without a static `import … from 'node:fs'`: in an ES module (and in an
 * esbuild bundle, which keeps Node built-ins as imports) that builds node:fs's whole module namespace,
 * several milliseconds of every cold start. `process.getBuiltinModule` (Node ≥ 20.16) or CommonJS
 * `require` hand over the already loaded module instead. On an older Node 20 without either, node:fs is
 * imported asynchronously and stdout is written through `process.stdout.write` until it is there (that
 * write is synchronous on Linux for files, pipes and terminals alike).
 */
function loadNodeFs(): SyncWriter | undefined {
  if (nodeFs !== undefined) return nodeFs;
  const host = process as { getBuiltinModule?: (id: string) => unknown };
  let fs: SyncWriter | undefined;
  try {
    // Bundlers rewrite `require` into a shim that exists in ES modules too and throws there: hence try.
    fs = (
      typeof host.getBuiltinModule === 'function' ? host.getBuiltinModule('node:fs') : require('node:fs')
    ) as SyncWriter | undefined;
  } catch {
    fs = undefined;
  }
  if (fs !== undefined) nodeFs = fs;
  else if (!fsRequested) {
    fsRequested = true;
    import('node:fs').then(
      (m) => {
        nodeFs = (m.default ?? m) as SyncWriter;
      },
      () => undefined,
    );
  }
  return nodeFs;
}

/**
 * Writes a whole string to a file descriptor synchronously: retries partial writes and `EAGAIN` (stdout
 * can be a non-blocking pipe), so a line is never cut or lost while the process is alive. Synchronous on
 * purpose: Lambda may freeze the process right after the handler returns, so nothing may sit in a buffer.
 * @internal
 */
export function writeAllSync(
  fd: number,
  text: string,
  fs: SyncWriter | undefined = loadNodeFs(),
  ascii = false,
): void {
  if (fs === undefined) {
    if (fd !== 1 && fd !== 2) throw new Error('node:fs is not loaded yet');
    (fd === 1 ? process.stdout : process.stderr).write(text);
    return;
  }
  let written = 0;
  let buffer: Buffer | undefined;
  let retries = 0;
  for (;;) {
    try {
      if (buffer === undefined) {
        written = fs.writeSync(fd, text);
        // Common case: one write took everything (bytes ≥ characters, so count bytes only if needed:
        // an ASCII caller says there is one byte per character).
        if (written >= text.length && (ascii || written === Buffer.byteLength(text))) return;
        buffer = Buffer.from(text);
      } else {
        written += fs.writeSync(fd, buffer, written);
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
  if (shared === undefined)
    shared = {
      write: (line: string) => writeAllSync(1, line),
      writeAscii: (line: string) => writeAllSync(1, line, loadNodeFs(), true),
    };
  return shared;
}
