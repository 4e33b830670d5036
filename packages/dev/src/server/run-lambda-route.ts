import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLambdaContext } from '../lambda/create-context';
import { invokeHandler } from '../lambda/invoke-handler';
import { toApiGatewayEvent } from '../lambda/to-api-gateway-event';
import { type HttpAnswer, toHttpResponse } from '../lambda/to-http-response';
import type { ApiGatewayV2Event, LambdaHandler } from '../lambda/types';
import { parseOutputLine } from '../telemetry/parse-output-line';
import type { CollectorContext } from './collector-context';
import { errorBody, readRequestBody, send, sendJson } from './http-utils';

// API Gateway would refuse larger bodies (10 MB); the collector stops reading much earlier. Bodies between
// this and the 100 KB ingestion limit still reach the production handler, which answers its own 413.
const MAX_LAMBDA_BODY = 1024 * 1024;

/** A Lambda function mounted on one HTTP route. */
export interface LambdaRoute {
  functionName: string;
  /** `POST /metrics/web-vitals` */
  routeKey: string;
  /** The function's timeout as configured on AWS. */
  timeoutMs: number;
  handler: LambdaHandler;
  /** Values of the route's `{param}` segments for this request. */
  pathParameters?: Record<string, string>;
}

/** What the invocation produced, for route-specific bookkeeping afterwards. */
export interface LambdaExchange {
  event: ApiGatewayV2Event;
  answer: HttpAnswer;
  requestId: string;
}

/**
 * Runs the route's handler behind the API Gateway v2 adapter, answers the HTTP request with its result,
 * and files what it wrote to stdout (EMF documents and log lines) under its function name and request id.
 * A handler that throws answers 502 and one that overruns its timeout 504, both JSON; the collector lives on.
 */
export async function runLambdaRoute(
  ctx: CollectorContext,
  route: LambdaRoute,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): Promise<LambdaExchange> {
  const requestId = randomUUID();
  const event = toApiGatewayEvent(
    {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
      sourceIp: req.socket.remoteAddress,
      httpVersion: req.httpVersion,
    },
    {
      routeKey: route.routeKey,
      requestId,
      ...(route.pathParameters !== undefined && Object.keys(route.pathParameters).length > 0
        ? { pathParameters: route.pathParameters }
        : {}),
    },
  );
  const context = createLambdaContext({
    functionName: route.functionName,
    requestId,
    timeoutMs: route.timeoutMs,
  });
  const outcome = await invokeHandler(route.handler, event, context, {
    capture: ctx.capture,
    timeoutMs: route.timeoutMs,
  });
  let answer: HttpAnswer;
  if (outcome.kind === 'result') {
    answer = toHttpResponse(outcome.result);
  } else if (outcome.kind === 'error') {
    const error = outcome.error as { name?: unknown; message?: unknown } | undefined;
    answer = jsonAnswer(502, {
      message: 'Internal Server Error',
      errorType: typeof error?.name === 'string' ? error.name : 'Error',
      errorMessage: typeof error?.message === 'string' ? error.message : String(outcome.error),
      requestId,
    });
  } else {
    answer = jsonAnswer(504, {
      message: `Task timed out after ${(route.timeoutMs / 1000).toFixed(2)} seconds`,
      requestId,
    });
  }
  send(res, answer.status, answer.body, answer.headers);

  const at = new Date().toISOString();
  const headerSession = event.headers['x-session-id'];
  ctx.store.add('invocations', {
    at,
    functionName: route.functionName,
    requestId,
    method: event.requestContext.http.method,
    path: event.rawPath,
    status: answer.status,
    durationMs: Math.round(outcome.durationMs * 10) / 10,
    outcome: outcome.kind,
    ...(headerSession !== undefined ? { sessionId: headerSession.slice(0, 64) } : {}),
    lines: outcome.lines.length,
  });
  ctx.printer.invocation(
    route.functionName,
    event.requestContext.http.method,
    event.rawPath,
    answer.status,
    outcome,
  );
  for (const line of outcome.lines) fileLine(ctx, route.functionName, requestId, at, line);
  return { event, answer, requestId };
}

function fileLine(
  ctx: CollectorContext,
  functionName: string,
  requestId: string,
  at: string,
  line: string,
): void {
  const parsed = parseOutputLine(line);
  if (parsed.kind === 'emf') {
    ctx.store.add('emf', { at, functionName, requestId, document: parsed.document });
    ctx.printer.emf(functionName, parsed.document);
    return;
  }
  const record: Record<string, unknown> =
    parsed.kind === 'log' ? parsed.record : { level: 'INFO', message: parsed.text, unstructured: true };
  const entry = {
    at,
    functionName,
    requestId: typeof record.requestId === 'string' ? record.requestId : requestId,
    level: String(record.level),
    message: String(record.message),
    record,
    ...(typeof record.sessionId === 'string' ? { sessionId: record.sessionId } : {}),
  };
  ctx.store.add('logs', entry);
  ctx.printer.log(entry);
}

function jsonAnswer(status: number, body: unknown): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

/** Reads the body (413 JSON past 1 MiB, without running the handler), then {@link runLambdaRoute}. */
export async function runWithBody(
  ctx: CollectorContext,
  route: LambdaRoute,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<LambdaExchange | undefined> {
  const read = await readRequestBody(req, MAX_LAMBDA_BODY);
  if (!read.ok) {
    if (read.reason === 'too_large') {
      sendJson(res, 413, errorBody('payload_too_large', `Body is larger than ${MAX_LAMBDA_BODY} bytes`), {
        connection: 'close',
      });
      const entry = {
        at: new Date().toISOString(),
        method: req.method ?? 'POST',
        path: (req.url ?? '/').split('?')[0] ?? '/',
        status: 413,
        code: 'payload_too_large',
        message: 'refused by the collector before the handler',
      };
      ctx.store.add('rejected', entry);
      ctx.printer.rejected(entry);
    }
    return undefined;
  }
  return runLambdaRoute(ctx, route, req, read.body, res);
}
