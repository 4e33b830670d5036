import {
  matchRoute,
  normalizeRoute,
  redact,
  redactString,
  sanitizeUrl,
  WEB_VITAL_NAMES,
} from '@usermetrics/core';
import type { ApiGatewayV2Event } from '../lambda/types';
import type { CollectorContext } from './collector-context';
import type { LambdaExchange } from './run-lambda-route';

const vitalNames: ReadonlySet<string> = new Set(WEB_VITAL_NAMES);

/**
 * Files the items the production web-vitals handler accepted: the request's metrics minus the indexes its
 * answer lists as rejected, so the dashboard shows exactly what CloudWatch would get. Route dimension values
 * are computed as the handler does (configured patterns only, else `other`).
 */
export function recordWebVitals(
  ctx: CollectorContext,
  exchange: LambdaExchange,
  routes: readonly string[],
): void {
  const { answer, event } = exchange;
  if (answer.status !== 200) {
    recordRejected(ctx, exchange);
    return;
  }
  const response = parseJson(answer.body.toString('utf8')) as {
    metricsReceived?: number;
    rejected?: { index: number; reason: string }[];
  };
  const request = parseJson(eventBody(event)) as { metrics?: unknown[]; sessionId?: unknown };
  if (!Array.isArray(request?.metrics)) return;
  const rejected = new Map((response?.rejected ?? []).map((r) => [r.index, r.reason]));
  const sessionId = typeof request.sessionId === 'string' ? request.sessionId.slice(0, 64) : undefined;
  const at = new Date().toISOString();
  request.metrics.forEach((item, index) => {
    if (rejected.has(index)) return;
    const m = item as { name?: unknown; value?: unknown; rating?: unknown; route?: unknown; url?: unknown };
    if (typeof m?.name !== 'string' || !vitalNames.has(m.name) || typeof m.value !== 'number') return;
    const record = {
      at,
      name: m.name,
      value: m.value,
      route: routeOf(m.route, m.url, routes),
      ...(typeof m.rating === 'string' ? { rating: m.rating } : {}),
      ...(sessionId !== undefined ? { sessionId } : {}),
    };
    ctx.store.add('vitals', record);
    ctx.printer.vital(record);
  });
  if (rejected.size > 0) {
    const reasons = [...rejected.values()].join(', ');
    const entry = {
      at,
      method: event.requestContext.http.method,
      path: event.rawPath,
      status: 200,
      code: 'items_rejected',
      message: `${rejected.size} item(s) rejected: ${reasons}`,
    };
    ctx.store.add('rejected', entry);
    ctx.printer.rejected(entry);
  }
}

/**
 * Files an accepted error report with the production handler's errorId. Free text goes through core
 * redaction again before it is written to disk (defence in depth, DESIGN §7).
 */
export function recordErrorReport(ctx: CollectorContext, exchange: LambdaExchange): void {
  const { answer, event } = exchange;
  if (answer.status !== 200) {
    recordRejected(ctx, exchange);
    return;
  }
  const response = parseJson(answer.body.toString('utf8')) as { errorId?: unknown; duplicate?: unknown };
  const request = parseJson(eventBody(event)) as {
    error?: { message?: unknown; type?: unknown };
    context?: Record<string, unknown>;
  };
  const c = request?.context ?? {};
  const text = (v: unknown, max = 2000) =>
    typeof v === 'string' ? redactString(v).slice(0, max) : undefined;
  const record = redact({
    at: new Date().toISOString(),
    errorId: typeof response?.errorId === 'string' ? response.errorId : undefined,
    duplicate: response?.duplicate === true ? true : undefined,
    type: text(request?.error?.type, 100),
    message: text(request?.error?.message),
    route: text(c.route, 200),
    url: typeof c.url === 'string' ? sanitizeUrl(c.url).slice(0, 2000) : undefined,
    sessionId: text(c.sessionId, 64),
    replayUrl: typeof c.replayUrl === 'string' ? sanitizeUrl(c.replayUrl).slice(0, 2000) : undefined,
    release: text(c.release, 100),
    frames: originalFrames(ctx, exchange.requestId),
  });
  const clean = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  ctx.store.add('errors', clean as typeof record);
  ctx.printer.error(clean as typeof record);
}

/**
 * The top frames of the handler's own ERROR line for this request, as resolved through the source maps
 * (`at Bomb (src/components/DangerZone.tsx:6:9)`); undefined when none resolved.
 */
function originalFrames(ctx: CollectorContext, requestId: string): string[] | undefined {
  const line = ctx.store.list('logs').find((l) => l.requestId === requestId && l.level === 'ERROR')?.record as
    | {
        error?: {
          frames?: {
            function?: string;
            source?: { file: string; line: number; column: number; name?: string };
          }[];
        };
      }
    | undefined;
  const frames = (line?.error?.frames ?? [])
    .flatMap((f) =>
      f.source
        ? [`${f.source.name ?? f.function ?? '?'} (${f.source.file}:${f.source.line}:${f.source.column})`]
        : [],
    )
    .slice(0, 5);
  return frames.length > 0 ? frames : undefined;
}

/** Files a refused request (4xx/5xx) with the code and message of its JSON answer. */
export function recordRejected(ctx: CollectorContext, exchange: LambdaExchange): void {
  const { answer, event } = exchange;
  if (answer.status < 400) return;
  const body = parseJson(answer.body.toString('utf8')) as {
    error?: { code?: unknown; message?: unknown };
    message?: unknown;
  };
  const entry = {
    at: new Date().toISOString(),
    method: event.requestContext.http.method,
    path: event.rawPath,
    status: answer.status,
    code: typeof body?.error?.code === 'string' ? body.error.code : `http_${answer.status}`,
    message: String(body?.error?.message ?? body?.message ?? ''),
  };
  ctx.store.add('rejected', entry);
  ctx.printer.rejected(entry);
}

function routeOf(route: unknown, url: unknown, routes: readonly string[]): string {
  if (typeof route === 'string') return normalizeRoute(route, routes);
  if (typeof url !== 'string') return 'other';
  try {
    return matchRoute(new URL(url).pathname, routes);
  } catch {
    return 'other';
  }
}

function eventBody(event: ApiGatewayV2Event): string {
  if (event.body === undefined) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
