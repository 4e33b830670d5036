import type { LogLevel, SerializedError } from '@usermetrics/core';
import { type RedactOptions, redact, redactString, serializeError } from '@usermetrics/core';
import pino from 'pino';
import { activeStore } from '../context/invocation-store';
import { readTraceId } from '../context/trace-id';
import { reportFailure } from '../diagnostics/report-failure';
import { defaultStdout } from '../io/stdout';
import { isoTimestamp } from './iso-timestamp';
import { createContextRedactor } from './redact-context';
import { Redacted, unwrapRedacted } from './redacted';
import type { LogContext, Logger, LoggerBindings, LoggerOptions } from './types';

type PinoLevel = 'debug' | 'info' | 'warn' | 'error';
const TO_PINO: Record<LogLevel, PinoLevel> = { DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };
const FROM_PINO: Record<string, LogLevel> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
const PINO_VALUES: Record<PinoLevel, number> = { debug: 20, info: 30, warn: 40, error: 50 };

/** Resolves the default level the way DESIGN §4 asks: DEBUG only when explicitly requested. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return env.LOG_LEVEL?.trim().toUpperCase() === 'DEBUG' ? 'DEBUG' : 'INFO';
}

/**
 * Creates a structured logger that writes one DESIGN §4 JSON record per line:
 * `{"timestamp","level","message","functionName","requestId"?,"sessionId"?,"coldStart"?,"traceId"?,"context"?,"error"?}`.
 *
 * Inside a handler wrapped by `withUsermetrics` (or the middy middleware), `requestId`, `sessionId` and
 * `coldStart` are filled from the running invocation automatically; `traceId` (the X-Ray `Root=` of
 * `_X_AMZN_TRACE_ID`) is on every line when Lambda set one. Context values and errors are redacted
 * (sensitive keys, e-mails, tokens, card numbers) before they are written; circular and BigInt values are
 * safe. No method ever throws.
 * @example
 * const logger = createLogger('checkout');
 * logger.info('order placed', { orderId: 'o-1' });
 */
export function createLogger(functionName: string, options: LoggerOptions = {}): Logger {
  const level = options.level && options.level in TO_PINO ? options.level : levelFromEnv();
  const destination = options.destination ?? defaultStdout();
  const base = pino(
    {
      level: TO_PINO[level],
      base: { functionName: String(functionName) },
      messageKey: 'message',
      timestamp,
      formatters: { level: (label: string) => ({ level: FROM_PINO[label] ?? label.toUpperCase() }) },
    },
    destination,
  );
  const redactOptions: RedactOptions | undefined =
    options.redactKeys && options.redactKeys.length > 0
      ? { extraSensitiveKeys: options.redactKeys }
      : undefined;
  const redactContext = createContextRedactor(options.redactKeys);
  return new PinoLogger(base, PINO_VALUES[TO_PINO[level]], {}, undefined, redactOptions, redactContext);
}

let lastMs = -1;
let lastTimestamp = '';

/** pino's timestamp member; lines written within the same millisecond share one string. */
function timestamp(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastTimestamp = ',"timestamp":"' + isoTimestamp(ms) + '"';
  }
  return lastTimestamp;
}

interface Bound {
  requestId?: string;
  sessionId?: string;
  coldStart?: boolean;
  traceId?: string;
}

class PinoLogger implements Logger {
  constructor(
    private readonly pinoLogger: pino.Logger,
    private readonly minLevel: number,
    private readonly bound: Bound,
    private readonly extra: LogContext | undefined,
    private readonly redactOptions: RedactOptions | undefined,
    private readonly redactContext: (value: unknown) => unknown,
  ) {}

  debug(message: string, context?: LogContext): void {
    if (this.minLevel <= 20) this.write('debug', message, undefined, context);
  }

  info(message: string, context?: LogContext): void {
    if (this.minLevel <= 30) this.write('info', message, undefined, context);
  }

  warn(message: string, errorOrContext?: unknown, context?: LogContext): void {
    if (this.minLevel > 40) return;
    if (context !== undefined || isErrorLike(errorOrContext))
      this.write('warn', message, errorOrContext, context);
    else this.write('warn', message, undefined, errorOrContext as LogContext | undefined);
  }

  error(message: string, error?: unknown, context?: LogContext): void {
    this.write('error', message, error, context);
  }

  /** An ERROR line whose `error` is a plain record of fields; {@link Redacted} values are not redacted again. */
  errorWithRedacted(message: string, error: Record<string, unknown>, context: LogContext): void {
    this.write('error', message, new PreRedactedError(error), context);
  }

  /** Whether this logger redacts with core's defaults only, so a {@link Redacted} value needs nothing more. */
  get defaultRedaction(): boolean {
    return this.redactOptions === undefined;
  }

  child(bindings: LoggerBindings): Logger {
    try {
      const { requestId, sessionId, coldStart, traceId, ...rest } = bindings ?? {};
      const fixed: Record<string, unknown> = {};
      const bound: Bound = { ...this.bound };
      if (typeof requestId === 'string') bound.requestId = fixed.requestId = requestId;
      if (typeof sessionId === 'string') bound.sessionId = fixed.sessionId = sessionId;
      if (typeof coldStart === 'boolean') bound.coldStart = fixed.coldStart = coldStart;
      if (typeof traceId === 'string') bound.traceId = fixed.traceId = traceId;
      const extra = Object.keys(rest).length > 0 ? { ...this.extra, ...rest } : this.extra;
      const next = Object.keys(fixed).length > 0 ? this.pinoLogger.child(fixed) : this.pinoLogger;
      return new PinoLogger(next, this.minLevel, bound, extra, this.redactOptions, this.redactContext);
    } catch (error) {
      reportFailure('logger.child', error);
      return this;
    }
  }

  private write(level: PinoLevel, message: unknown, error: unknown, context: LogContext | undefined): void {
    try {
      const obj: Record<string, unknown> = {};
      const store = activeStore();
      if (store !== undefined) {
        // Bound values win: a child made for another request keeps its own ids.
        if (this.bound.requestId === undefined) obj.requestId = store.requestId;
        if (this.bound.sessionId === undefined && store.sessionId !== undefined)
          obj.sessionId = store.sessionId;
        if (this.bound.coldStart === undefined) obj.coldStart = store.coldStart;
        if (this.bound.traceId === undefined && store.traceId !== undefined) obj.traceId = store.traceId;
      } else if (this.bound.traceId === undefined) {
        // Outside a wrapped invocation (plain handlers, module scope) the variable is read per line.
        const traceId = readTraceId();
        if (traceId !== undefined) obj.traceId = traceId;
      }
      const ctx =
        this.extra === undefined
          ? context
          : context === undefined
            ? this.extra
            : { ...this.extra, ...context };
      if (ctx !== undefined) obj.context = this.redactContext(ctx);
      if (error instanceof PreRedactedError) obj.error = this.redactContext(error.fields);
      else if (error !== undefined) obj.error = redactError(error, this.redactOptions);
      const text = typeof message === 'string' ? message : String(message);
      this.pinoLogger[level](obj, redactString(text, this.redactOptions));
    } catch (error) {
      // Logging must never break the host; a line that cannot be written is dropped.
      reportFailure('logger', error);
    }
  }
}

class PreRedactedError {
  constructor(readonly fields: Record<string, unknown>) {}
}

/**
 * Writes an ERROR line whose `error` and `context` records may hold {@link Redacted} strings: the package's
 * own logger (with default redaction) writes those as they are and redacts every other value; any other
 * logger gets plain strings and does what it does. Used by the error-report handler (#18).
 */
export function logErrorRedacted(
  logger: {
    error(message: string, error?: unknown, context?: Record<string, unknown>): void;
  },
  message: string,
  error: Record<string, unknown>,
  context: LogContext,
): void {
  if (logger instanceof PinoLogger && logger.defaultRedaction)
    logger.errorWithRedacted(message, error, context);
  else logger.error(message, unwrapRedacted(error), unwrapRedacted(context));
}

function isErrorLike(v: unknown): boolean {
  return (
    v instanceof Error ||
    (typeof v === 'object' &&
      v !== null &&
      typeof (v as { message?: unknown }).message === 'string' &&
      typeof (v as { name?: unknown }).name === 'string')
  );
}

function safeRedact(value: unknown, options: RedactOptions | undefined): unknown {
  try {
    return redact(value, options);
  } catch {
    return '[unserializable]';
  }
}

/** Serializes (cause chain kept) and then redacts message and stack of every link. */
export function redactError(thrown: unknown, options?: RedactOptions): SerializedError {
  return safeRedact(serializeError(thrown), options) as SerializedError;
}
