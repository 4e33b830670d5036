import { LIMITS } from '@usermetrics/core';
import { readTraceId } from '../context/trace-id';
import { reportFailure } from '../diagnostics/report-failure';
import { type BatchMemory, createBatchMemory } from './batch-memory';
import { OUTPUT_BASE_BYTES, OUTPUT_BYTES_PER_BODY_BYTE } from './output-budget';
import { readBody } from './read-body';
import { type IngestionRequest, readRequest } from './read-request';
import type { ResolvedOptions } from './resolve-options';
import { emptyResponse, errorResponse, jsonResponse } from './responses';
import type { IngestionEvent, IngestionHandler, IngestionLogger, IngestionResult } from './types';

/** What an endpoint gets once the request passed method, CORS, throttling, media type, size and JSON. */
export interface ParsedRequest {
  json: unknown;
  request: IngestionRequest;
  /** CORS headers every answer to this request must carry. */
  headers: Record<string, string>;
  /** The configured logger bound to this request's `requestId` and the given `sessionId`. */
  logger(sessionId: string | undefined): IngestionLogger;
  /**
   * Answers a batch at most once (#17): a `batchId` seen recently by this container gets the same 200 body
   * again without `process` running (nothing counted or logged twice); otherwise `process` runs and its 200
   * body is remembered. Without a `batchId`, just `process()`.
   */
  once(
    batchId: string | undefined,
    sessionId: string | undefined,
    process: () => IngestionResult,
  ): IngestionResult;
}

/** Turns a parsed, schema-unchecked body into the answer. May throw: the caller answers 500 `internal`. */
export type EndpointProcessor = (parsed: ParsedRequest) => IngestionResult | Promise<IngestionResult>;

const ALLOW = 'POST, OPTIONS';

/**
 * The HTTP part both endpoints share. Order matters: the cheapest refusals come first, so a flood of bad
 * requests costs as little as possible, and no client input can reach the 500 branch except through a bug.
 */
export function createIngestionHandler(
  options: ResolvedOptions,
  process: EndpointProcessor,
): IngestionHandler {
  const { cors, budget } = options;
  const batches = createBatchMemory(options.now);
  let throttleFailureLogged = false;

  function handle(
    event: IngestionEvent,
    request: IngestionRequest,
  ): IngestionResult | Promise<IngestionResult> {
    const origin = request.headers.origin;
    const preflight = request.method === 'OPTIONS';
    // A present Origin that is not allowed is refused before anything is read, written or counted (#17): the
    // browser could not read our answer anyway, and its transport would retry a batch we had already counted.
    // A request without Origin (server to server) goes on.
    if (!cors.accepts(origin) || (preflight && origin === undefined)) {
      return errorResponse(403, 'origin_not_allowed', 'Origin is not allowed', { Vary: 'Origin' });
    }
    const headers = cors.responseHeaders(origin);
    if (!preflight && request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Only POST is accepted', { ...headers, Allow: ALLOW });
    }
    // Preflights count against the limit too (#18): otherwise they are a free way to invoke the function.
    const retryAfter = throttle(event, request);
    if (retryAfter > 0) {
      return errorResponse(429, 'rate_limited', 'Too many requests, retry later', {
        ...headers,
        'Retry-After': String(retryAfter),
      });
    }
    if (preflight) return emptyResponse(204, cors.preflightHeaders(origin) ?? headers);
    const body = readBody(request, LIMITS.maxBodyBytes);
    if (!body.ok) return errorResponse(body.status, body.code, body.message, headers);
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return errorResponse(400, 'invalid_json', 'Body is not valid JSON', headers);
    }
    budget.begin(Buffer.byteLength(body.text, 'utf8'));
    try {
      return process({
        json,
        request,
        headers,
        logger: (sessionId) => bindLogger(request, sessionId),
        once: (batchId, sessionId, run) => once(batches, headers, batchId, sessionId, run),
      });
    } finally {
      const dropped = budget.end();
      if (dropped.lines > 0) {
        bindLogger(request, undefined).warn(
          `${options.handlerName}: output of this request cut at its budget of ${OUTPUT_BASE_BYTES} bytes + ${OUTPUT_BYTES_PER_BODY_BYTE} per body byte`,
          { droppedLines: dropped.lines, droppedBytes: dropped.bytes },
        );
      }
    }
  }

  function throttle(event: IngestionEvent, request: IngestionRequest): number {
    if (options.shouldThrottle) {
      try {
        const verdict = options.shouldThrottle(event);
        if (verdict === true) return 1;
        if (typeof verdict === 'number' && verdict > 0) return Math.min(Math.ceil(verdict), 86_400);
      } catch (error) {
        // Once per container: a broken callback must not turn every request into a log line.
        if (!throttleFailureLogged) {
          throttleFailureLogged = true;
          bindLogger(request, undefined).warn(
            'shouldThrottle threw; requests are not throttled by it',
            error,
          );
        }
      }
    }
    return options.bucket ? options.bucket.take() : 0;
  }

  function bindLogger(request: IngestionRequest, sessionId: string | undefined): IngestionLogger {
    const { logger } = options;
    if (typeof logger.child !== 'function') return logger;
    const bindings: Record<string, unknown> = {};
    if (request.requestId !== undefined) bindings.requestId = request.requestId;
    if (sessionId !== undefined) bindings.sessionId = sessionId;
    const traceId = readTraceId();
    if (traceId !== undefined) bindings.traceId = traceId;
    return logger.child(bindings);
  }

  return async (event, context) => {
    let request: IngestionRequest | undefined;
    try {
      request = readRequest(event, context);
      return await handle(event, request);
    } catch (error) {
      reportFailure(options.handlerName, error);
      try {
        options.logger.error(`${options.handlerName}: internal error`, error, {
          requestId: request?.requestId,
        });
      } catch (logFailure) {
        // The logger itself is broken; the answer below is all that is left to give.
        reportFailure(`${options.handlerName} logger`, logFailure);
      }
      let headers: Record<string, string> = { Vary: 'Origin' };
      try {
        headers = cors.responseHeaders(request?.headers.origin);
      } catch (corsFailure) {
        // Keep the minimal headers.
        reportFailure(`${options.handlerName} CORS headers`, corsFailure);
      }
      return errorResponse(500, 'internal', 'Internal error', headers);
    }
  };
}

function once(
  batches: BatchMemory,
  headers: Record<string, string>,
  batchId: string | undefined,
  sessionId: string | undefined,
  run: () => IngestionResult,
): IngestionResult {
  if (batchId === undefined) return run();
  // The session is part of the key, so a batch id seen in one session cannot silence another's.
  const key = `${sessionId ?? ''} ${batchId}`;
  const seen = batches.recall(key);
  if (seen !== undefined) return { ...jsonResponse(200, null, headers), body: seen };
  const answer = run();
  if (answer.statusCode === 200) batches.remember(key, answer.body);
  return answer;
}
