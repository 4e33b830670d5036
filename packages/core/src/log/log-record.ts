/** Levels of the log record (DESIGN §4). DEBUG is written only when `LOG_LEVEL=DEBUG`. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
/** A log level as written on the wire: uppercase. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An error as it appears in a log line or error report: plain data, cause chain kept. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The `cause` chain, serialized the same way; non-Error causes are kept as plain values. */
  cause?: SerializedError | string | number | boolean | null | Record<string, unknown>;
  /** Error reports: whether the app caught the error itself (DESIGN §5). */
  handled?: boolean;
  /** Error reports: the stack parsed, and resolved through the release's source maps where possible. */
  frames?: ErrorFrame[];
}

/**
 * One stack frame of a front-end error as logged by the error-report handler (DESIGN §5): where it ran
 * (`url`, `line`, `column`, `function`, as sent) and, when a source map resolved it, the original position.
 */
export interface ErrorFrame {
  url?: string;
  line?: number;
  column?: number;
  function?: string;
  /** The original position from the source map; absent when the frame could not be resolved. */
  source?: { file: string; line: number; column: number; name?: string };
}

/**
 * One JSON log line on stdout (DESIGN §4).
 * @example
 * {"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","message":"ok","functionName":"api","requestId":"r1","coldStart":true}
 */
export interface LogRecord {
  timestamp: string;
  level: LogLevel;
  message: string;
  functionName: string;
  requestId?: string;
  sessionId?: string;
  coldStart?: boolean;
  /** The X-Ray trace id (`Root=` of Lambda's `_X_AMZN_TRACE_ID`), when tracing is on: joins logs and traces. */
  traceId?: string;
  context?: Record<string, unknown>;
  /** Only on ERROR and WARN lines that carry an error. */
  error?: SerializedError;
}
