import pino from 'pino';

/** Anything lines can be written to: `process.stdout`, a file stream, or a test's collector. */
export interface LineSink {
  write(line: string): void;
}

let shared: LineSink | undefined;

/**
 * The process-wide synchronous stdout writer (pino's sonic-boom on fd 1). Synchronous on purpose: Lambda
 * may freeze the process right after the handler returns, so nothing may sit in a buffer. Created on first
 * use so that importing the package costs nothing.
 * @internal
 */
export function defaultStdout(): LineSink {
  if (shared === undefined) shared = pino.destination({ dest: 1, sync: true });
  return shared;
}
