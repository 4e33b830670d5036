import {
  boundExtra,
  createId,
  type ErrorReportPayload,
  type ErrorReportResponse,
  METRIC_CATALOG,
  NAMESPACES,
  normalizeErrorType,
  parseSessionId,
  redactString,
  sanitizeUrl,
  validateErrorReport,
} from '@usermetrics/core';
import { logErrorRedacted } from '../logger/create-logger';
import { Redacted } from '../logger/redacted';
import { computeFingerprint } from './compute-fingerprint';
import { createIngestionHandler, type ParsedRequest } from './create-ingestion-handler';
import { createDedupeCache, type DedupeCache } from './dedupe-cache';
import type { ResolvedOptions } from './resolve-options';
import { resolveSafely } from './resolve-safely';
import { errorResponse, jsonResponse } from './responses';
import { routeDimension } from './route-dimension';
import { dimensionSetsOf } from './sinks';
import { createErrorSymbolication, type SymbolicateReport } from './symbolication/index';
import type { ErrorReportHandlerOptions, IngestionHandler, IngestionLogger } from './types';

const ERRORS_DEF = METRIC_CATALOG.FrontendErrors;
const ERRORS_SETS = /* @__PURE__ */ dimensionSetsOf(ERRORS_DEF);
// `TypeError: x is undefined` as the first stack line (V8), when the report carries no type.
const STACK_HEAD_TYPE = /^\s*([A-Za-z_$][\w$]{0,99}):/;
const MESSAGE_HEAD = 120;
const REDACTED_CONTEXT: ReadonlySet<string> = new Set([
  'url',
  'replayUrl',
  'userAgent',
  'componentStack',
  'release',
  'fingerprint',
]);

/**
 * Lambda handler for `POST /errors/report` (API Gateway REST v1, HTTP API v2, Function URL). Every report is
 * redacted again (defence in depth), given a new `errorId` (UUIDv7) that goes back to the browser, logged as
 * one ERROR line and counted in `FrontendErrors` by `[environment]` and `[environment, errorType]`. A
 * fingerprint already reported in the same session is counted but logged only as a short INFO line, and the
 * answer says `duplicate: true`. Never throws (DESIGN §5).
 * @example
 * export const handler = createErrorReportHandler({
 *   allowedOrigins: ['https://app.example.com'],
 *   environment: 'production',
 * });
 */
export function createErrorReportHandler(options?: ErrorReportHandlerOptions): IngestionHandler {
  const resolved = resolveSafely('createErrorReportHandler', options);
  // One cache per handler, kept across warm invocations of the container.
  const cache = resolved.dedupe
    ? createDedupeCache(resolved.dedupe.maxSessions, resolved.dedupe.maxFingerprints)
    : undefined;
  const symbolicate = safely(() => createErrorSymbolication(options));
  return createIngestionHandler(resolved, (parsed) =>
    processErrorReport(resolved, cache, symbolicate, parsed),
  );
}

async function processErrorReport(
  o: ResolvedOptions,
  cache: DedupeCache | undefined,
  symbolicate: SymbolicateReport | undefined,
  parsed: ParsedRequest,
) {
  const result = validateErrorReport(parsed.json);
  if (!result.ok) return errorResponse(400, 'invalid_payload', result.message, parsed.headers, result.issues);

  const report = cleanReport(result.value, o.routes);
  // The body's session id, else the header's, both held to core's one session-id rule (#18 item 4).
  const sessionId = report.sessionId ?? parseSessionId(parsed.request.headers['x-session-id']);
  // A repeated batch or fingerprint is decided synchronously inside `once`; only a report that is logged in
  // full waits for symbolication, after that decision.
  const full: { logger?: IngestionLogger; errorId?: string } = {};
  const answer = parsed.once(result.value.batchId, sessionId, () =>
    record(o, cache, parsed, report, sessionId, (logger, errorId) =>
      Object.assign(full, { logger, errorId }),
    ),
  );
  if (full.logger && full.errorId) await logReport(o, report, symbolicate, full.logger, full.errorId);
  return answer;
}

async function logReport(
  o: ResolvedOptions,
  report: CleanReport,
  symbolicate: SymbolicateReport | undefined,
  logger: IngestionLogger,
  errorId: string,
) {
  // DESIGN §5: frames and issueId are logged only, never metric dimensions.
  const symbolicated = await symbolicate?.(report.stack, report.context.release, report.type, (m, c) =>
    logger.warn(m, undefined, c),
  );
  // The whole message is in `error.message`; the line's message carries only its start, so a long message
  // is not written twice.
  // The handler redacted every free-text field (`cleanReport`); the package's logger writes those as they
  // are and redacts the rest (frames, the line's message), so nothing is redacted twice or not at all.
  const fields = report.redacted;
  logErrorRedacted(
    logger,
    `Frontend error: ${report.message.length > MESSAGE_HEAD ? `${report.message.slice(0, MESSAGE_HEAD)}…` : report.message}`,
    {
      name: fields.type,
      message: fields.message,
      stack: fields.stack,
      handled: report.handled,
      frames: symbolicated?.frames,
    },
    {
      errorId,
      environment: o.environment,
      ...fields.context,
      issueId: symbolicated?.issueId,
      // Bounded and redacted once, by core's boundExtra; the logger does not redact it again.
      extra: report.extra === undefined ? undefined : new Redacted(report.extra),
    },
  );
}

function record(
  o: ResolvedOptions,
  cache: DedupeCache | undefined,
  parsed: ParsedRequest,
  report: CleanReport,
  sessionId: string | undefined,
  onLog: (logger: IngestionLogger, errorId: string) => void,
) {
  const errorId = createId();
  const occurrences = sessionId !== undefined && cache ? cache.record(sessionId, report.fingerprint) : 1;
  const duplicate = occurrences > 1;
  const logger = parsed.logger(sessionId);

  if (duplicate) {
    logger.info('Frontend error repeated in session', {
      errorId,
      fingerprint: report.fingerprint,
      errorType: report.errorType,
      occurrences,
    });
  } else {
    // Logged after the answer is settled, with the frames once symbolicated (`logReport`).
    onLog(logger, errorId);
  }

  o.emit({
    namespace: NAMESPACES.frontend,
    dimensionSets: ERRORS_SETS,
    dimensions: { environment: o.environment, errorType: report.errorType },
    metrics: [{ name: ERRORS_DEF.name, unit: ERRORS_DEF.unit, value: 1 }],
    properties: { errorId, fingerprint: report.fingerprint, duplicate, ...(sessionId ? { sessionId } : {}) },
    timestamp: o.now(),
  });

  const body: ErrorReportResponse = { success: true, errorId };
  if (duplicate) body.duplicate = true;
  return jsonResponse(200, body, parsed.headers);
}

interface CleanReport {
  type: string;
  errorType: string;
  message: string;
  stack: string | undefined;
  fingerprint: string;
  sessionId: string | undefined;
  /** Whether the app caught the error itself; `undefined` when the browser did not say. */
  handled: boolean | undefined;
  /** `context.extra`, redacted and bounded (DESIGN §5). */
  extra: Record<string, unknown> | undefined;
  /** Redacted context fields for the log line; only the ones that were sent. */
  context: Record<string, string>;
  /** The same free-text fields marked as redacted, for the ERROR line (`logErrorRedacted`). */
  redacted: {
    type: Redacted;
    message: Redacted;
    stack: Redacted | undefined;
    context: Record<string, unknown>;
  };
}

/** Every free-text field through core redaction, URLs through `sanitizeUrl`, dimensions bounded. */
function cleanReport(value: ErrorReportPayload, routes: readonly string[]): CleanReport {
  const { error } = value;
  const ctx = value.context ?? {};
  const rawType = error.type ?? STACK_HEAD_TYPE.exec(error.stack ?? '')?.[1];
  const type = rawType === undefined ? 'Error' : redactString(rawType);
  const message = redactString(error.message);
  const stack = error.stack === undefined ? undefined : redactString(error.stack);
  const context: Record<string, string> = {};
  if (ctx.url !== undefined) context.url = sanitizeUrl(ctx.url);
  if (ctx.replayUrl !== undefined) context.replayUrl = sanitizeUrl(ctx.replayUrl);
  if (ctx.userAgent !== undefined) context.userAgent = redactString(ctx.userAgent);
  if (ctx.componentStack !== undefined) context.componentStack = redactString(ctx.componentStack);
  if (ctx.release !== undefined) context.release = redactString(ctx.release);
  if (ctx.timestamp !== undefined) context.clientTimestamp = ctx.timestamp;
  context.route = routeDimension(ctx.route, ctx.url, routes);
  const fingerprint =
    ctx.fingerprint !== undefined && ctx.fingerprint !== ''
      ? redactString(ctx.fingerprint)
      : computeFingerprint(type, message, stack);
  context.fingerprint = fingerprint;
  const marked: Record<string, unknown> = {};
  // Only what went through redactString/sanitizeUrl above; route and clientTimestamp are redacted by the logger.
  for (const [k, v] of Object.entries(context)) marked[k] = REDACTED_CONTEXT.has(k) ? new Redacted(v) : v;
  return {
    type,
    errorType: normalizeErrorType(rawType),
    message,
    stack,
    fingerprint,
    sessionId: parseSessionId(ctx.sessionId),
    handled: error.handled ?? ctx.handled,
    extra: boundExtra(ctx.extra),
    context,
    redacted: {
      type: new Redacted(type),
      message: new Redacted(message),
      stack: stack === undefined ? undefined : new Redacted(stack),
      context: marked,
    },
  };
}

function safely<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}
