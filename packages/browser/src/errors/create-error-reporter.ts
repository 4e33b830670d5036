import {
  type ErrorReportPayload,
  LIMITS,
  redact,
  redactString,
  STRING_LIMITS,
  serializeError,
  utf8ByteLength,
} from '@usermetrics/core';
import { createBatchId } from '../session/create-id';
import type { Transport } from '../transport/create-transport';
import type { DropReason, TrackErrorContext } from '../types';
import { createLru } from './create-lru';
import { errorFingerprint } from './fingerprint';

/** Everything the error reporter reads from the tracker. */
export interface ErrorReporterDeps {
  url: string;
  transport: Transport;
  maxPerSession: number;
  isAllowed: () => boolean;
  getSessionId: () => string;
  /** Page facts at report time: sanitized URL, route pattern, user agent. */
  page: () => { url: string; route: string; userAgent: string };
  getReplayUrl: () => string | undefined;
  release?: string;
  onDrop: (reason: DropReason, count: number) => void;
  onSent: (count: number) => void;
}

/** Sends error reports, one per request (DESIGN §5). */
export interface ErrorReporter {
  report(error: unknown, context?: TrackErrorContext): Promise<string | undefined>;
}

const DEDUPE_SIZE = 100;

// `batchId` (DESIGN §5.5, idempotency key) is made once per report, so retries of the report share it.
type OutgoingPayload = ErrorReportPayload & {
  batchId?: string;
  context: NonNullable<ErrorReportPayload['context']> & { extra?: unknown };
};

const cut = (s: string | undefined, max: number): string | undefined =>
  s === undefined ? undefined : s.length > max ? s.slice(0, max) : s;
const clean = (s: string | undefined, max: number): string | undefined =>
  s === undefined ? undefined : cut(redactString(s, { maxStringLength: max }), max);

/**
 * Creates the reporter: serialize → fingerprint → dedupe (LRU per session) → per-session cap → redact and
 * truncate → POST. It never reports its own failures (a failing send is a counted drop, not an error
 * event), which together with the cap and the caller's re-entrancy guard rules out feedback loops.
 */
export function createErrorReporter(deps: ErrorReporterDeps): ErrorReporter {
  const seen = createLru(DEDUPE_SIZE);
  let sessionId = '';
  let sentThisSession = 0;

  return {
    async report(error, context = {}) {
      if (!deps.isAllowed()) {
        deps.onDrop('consent', 1);
        return undefined;
      }
      const current = deps.getSessionId();
      if (current !== sessionId) {
        sessionId = current;
        sentThisSession = 0;
        seen.clear();
      }
      const serialized = serializeError(error);
      const type = serialized.name;
      const fingerprint = errorFingerprint(type, serialized.message, serialized.stack);
      if (seen.seen(fingerprint)) return undefined;
      if (sentThisSession >= deps.maxPerSession) {
        deps.onDrop('rejected', 1);
        return undefined;
      }
      sentThisSession++;
      const page = deps.page();
      const payload: OutgoingPayload = {
        error: {
          message: clean(serialized.message, STRING_LIMITS.errorMessage) ?? '',
          stack: clean(serialized.stack, STRING_LIMITS.stack),
          type: cut(type, STRING_LIMITS.errorType),
          // DESIGN §5.2: `handled` belongs to the error (the server also reads it from `context`, as sent before).
          handled: context.handled ?? true,
        },
        context: {
          url: page.url,
          userAgent: cut(page.userAgent, STRING_LIMITS.userAgent),
          timestamp: new Date().toISOString(),
          sessionId,
          componentStack: clean(context.componentStack, STRING_LIMITS.componentStack),
          route: cut(context.route ?? page.route, STRING_LIMITS.route),
          release: cut(deps.release, STRING_LIMITS.release),
          replayUrl: cut(deps.getReplayUrl(), STRING_LIMITS.replayUrl),
          fingerprint,
          extra:
            context.extra === undefined ? undefined : redact(context.extra, { maxDepth: 4, maxKeys: 50 }),
        },
        batchId: createBatchId(),
      };
      const body = fitBody(payload);
      if (body === undefined) {
        deps.onDrop('too_large', 1);
        return undefined;
      }
      const outcome = await deps.transport.send(
        { url: deps.url, body, contentType: 'text/plain;charset=UTF-8', readBody: true },
        { isAllowed: deps.isAllowed },
      );
      if (!outcome.ok) {
        deps.onDrop(outcome.reason, 1);
        return undefined;
      }
      deps.onSent(1);
      return readErrorId(outcome.body);
    },
  };
}

/** JSON body within the per-request limit, shedding the least useful parts first; undefined if impossible. */
function fitBody(payload: OutgoingPayload): string | undefined {
  let body = JSON.stringify(payload);
  if (utf8ByteLength(body) <= LIMITS.maxBeaconBytes) return body;
  payload.context.extra = undefined;
  payload.error.stack = cut(payload.error.stack, 4000);
  payload.context.componentStack = cut(payload.context.componentStack, 4000);
  body = JSON.stringify(payload);
  return utf8ByteLength(body) <= LIMITS.maxBeaconBytes ? body : undefined;
}

function readErrorId(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { errorId?: unknown };
    return typeof parsed.errorId === 'string' ? parsed.errorId : undefined;
  } catch {
    return undefined;
  }
}
