import { LIMITS } from '@usermetrics/core';
import { readBody } from './read-body';
import { type IngestionRequest, readRequest } from './read-request';
import type { ResolvedOptions } from './resolve-options';
import { emptyResponse, errorResponse } from './responses';
import type { IngestionEvent, IngestionHandler, IngestionLogger, IngestionResult } from './types';

/** What an endpoint gets once the request passed method, CORS, throttling, media type, size and JSON. */
export interface ParsedRequest {
  json: unknown;
  request: IngestionRequest;
  /** CORS headers every answer to this request must carry. */
  headers: Record<string, string>;
  /** The configured logger bound to this request's `requestId` and the given `sessionId`. */
  logger(sessionId: string | undefined): IngestionLogger;
}

/** Turns a parsed, schema-unchecked body into the answer. May throw: the caller answers 500 `internal`. */
export type EndpointProcessor = (parsed: ParsedRequest) => IngestionResult;

const ALLOW = 'POST, OPTIONS';

/**
 * The HTTP part both endpoints share. Order matters: the cheapest refusals come first, so a flood of bad
 * requests costs as little as possible, and no client input can reach the 500 branch except through a bug.
 */
export function createIngestionHandler(
  options: ResolvedOptions,
  process: EndpointProcessor,
): IngestionHandler {
  const { cors } = options;
  let throttleFailureLogged = false;

  function handle(event: IngestionEvent, request: IngestionRequest): IngestionResult {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS') {
      const preflight = cors.preflightHeaders(origin);
      if (preflight) return emptyResponse(204, preflight);
      return errorResponse(403, 'origin_not_allowed', 'Origin is not allowed', { Vary: 'Origin' });
    }
    const headers = cors.responseHeaders(origin);
    if (request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Only POST is accepted', { ...headers, Allow: ALLOW });
    }
    const retryAfter = throttle(event, request);
    if (retryAfter > 0) {
      return errorResponse(429, 'rate_limited', 'Too many requests, retry later', {
        ...headers,
        'Retry-After': String(retryAfter),
      });
    }
    const body = readBody(request, LIMITS.maxBodyBytes);
    if (!body.ok) return errorResponse(body.status, body.code, body.message, headers);
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return errorResponse(400, 'invalid_json', 'Body is not valid JSON', headers);
    }
    return process({ json, request, headers, logger: (sessionId) => bindLogger(request, sessionId) });
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
    return logger.child(bindings);
  }

  return async (event, context) => {
    let request: IngestionRequest | undefined;
    try {
      request = readRequest(event, context);
      return handle(event, request);
    } catch (error) {
      try {
        options.logger.error(`${options.handlerName}: internal error`, error, {
          requestId: request?.requestId,
        });
      } catch {
        // The logger itself is broken; the answer below is all that is left to give.
      }
      let headers: Record<string, string> = { Vary: 'Origin' };
      try {
        headers = cors.responseHeaders(request?.headers.origin);
      } catch {
        // Keep the minimal headers.
      }
      return errorResponse(500, 'internal', 'Internal error', headers);
    }
  };
}
