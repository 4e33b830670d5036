import type { LogLevel } from '@usermetrics/core';
import type { LineSink } from '../io/stdout';

/** Structured data attached to one log line; written under `context`, after redaction. */
export type LogContext = Record<string, unknown>;

/**
 * Fields fixed for every line of a child logger. `requestId`, `sessionId` and `coldStart` become top-level
 * record fields (DESIGN §4); any other key is merged into each line's `context`.
 */
export interface LoggerBindings {
  requestId?: string;
  sessionId?: string;
  coldStart?: boolean;
  traceId?: string;
  [key: string]: unknown;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /**
   * Lowest level written.
   * @default 'DEBUG' when the LOG_LEVEL environment variable is `DEBUG`, else 'INFO'
   */
  level?: LogLevel;
  /**
   * Where the newline-terminated JSON lines go.
   * @default synchronous stdout (fd 1)
   */
  destination?: LineSink;
  /** More key names whose values are always replaced by `"[REDACTED]"`, on top of the built-in list. */
  redactKeys?: string[];
}

/**
 * A structured JSON logger writing the DESIGN §4 record. Never throws, whatever it is given.
 * @example
 * logger.info('order placed', { orderId: 'o-1' });
 * logger.error('payment failed', err, { orderId: 'o-1' });
 */
export interface Logger {
  /** A DEBUG line; written only when the level is DEBUG (`LOG_LEVEL=DEBUG` or `level: 'DEBUG'`). */
  debug(message: string, context?: LogContext): void;
  /** An INFO line. */
  info(message: string, context?: LogContext): void;
  /** A WARN line; pass an error first when there is one (`warn(msg, err, ctx)`). */
  warn(message: string, context?: LogContext): void;
  /** A WARN line carrying the serialized, redacted error. */
  warn(message: string, error: unknown, context?: LogContext): void;
  /** An ERROR line carrying the serialized, redacted error (cause chain kept). */
  error(message: string, error?: unknown, context?: LogContext): void;
  /** A logger whose lines all carry `bindings`. */
  child(bindings: LoggerBindings): Logger;
}
