import type { SerializedError } from './log-record';

const MAX_CAUSE_DEPTH = 5;

/**
 * Turns anything that was thrown into a {@link SerializedError}, following `cause` up to 5 levels.
 * Never throws: `throw null`, throwing getters and cyclic causes are all handled.
 * @example serializeError(new TypeError('x', { cause: new Error('y') }))
 */
export function serializeError(thrown: unknown, depth = 0): SerializedError {
  try {
    if (thrown instanceof Error || isErrorLike(thrown)) {
      const err = thrown as Error & { cause?: unknown };
      const out: SerializedError = {
        name: safeString(err.name) || 'Error',
        message: safeString(err.message),
      };
      const stack = safeGet(() => err.stack);
      if (typeof stack === 'string') out.stack = stack;
      // The two fields an error report adds to the log record (DESIGN §5); other own props stay out.
      const handled = safeGet(() => (err as Partial<SerializedError>).handled);
      const frames = safeGet(() => (err as Partial<SerializedError>).frames);
      if (typeof handled === 'boolean') out.handled = handled;
      if (Array.isArray(frames)) out.frames = frames;
      const cause = safeGet(() => err.cause);
      if (cause !== undefined && depth < MAX_CAUSE_DEPTH && cause !== thrown) {
        out.cause = isErrorLike(cause) ? serializeError(cause, depth + 1) : plainCause(cause);
      }
      return out;
    }
    return { name: 'NonError', message: describe(thrown) };
  } catch {
    return { name: 'Error', message: '[unserializable error]' };
  }
}

function isErrorLike(v: unknown): v is { name: unknown; message: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

function plainCause(v: unknown): SerializedError['cause'] {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return describe(v);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return `${v}n`;
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v) ?? String(v);
    } catch {
      return Object.prototype.toString.call(v);
    }
  }
  return String(v);
}

function safeString(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined ? '' : describe(v);
}

function safeGet<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
