import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS, redact, sanitizeUrl } from '@usermetrics/core';
import type { CollectorContext } from '../server/collector-context';
import { errorBody, isJsonOrText, readRequestBody, sendJson } from '../server/http-utils';
import { validateUmamiPayload } from './validate-umami-payload';

/**
 * Umami's `POST /api/send`: refuses what the real Umami refuses (400 with the reason), and files page views
 * (events without a name) and custom events. The stand-in does not play Umami's bot filter, which would drop
 * every HeadlessChrome request.
 */
export async function handleUmamiSend(
  ctx: CollectorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const reject = (status: number, code: string, message: string) => {
    sendJson(res, status, errorBody(code, message));
    const entry = { at: new Date().toISOString(), method: 'POST', path: '/api/send', status, code, message };
    ctx.store.add('rejected', entry);
    ctx.printer.rejected(entry);
  };
  if (!isJsonOrText(req.headers['content-type'])) {
    req.resume();
    return reject(415, 'unsupported_media_type', 'Content-Type must be application/json or text/plain');
  }
  const read = await readRequestBody(req, LIMITS.maxBodyBytes);
  if (!read.ok) {
    if (read.reason === 'aborted') return;
    return reject(413, 'payload_too_large', `Body is larger than ${LIMITS.maxBodyBytes} bytes`);
  }
  let body: unknown;
  try {
    body = JSON.parse(read.body.toString('utf8'));
  } catch {
    return reject(400, 'invalid_json', 'Body is not valid JSON');
  }
  const result = validateUmamiPayload(body);
  if (!result.ok) return reject(400, 'invalid_payload', result.reason);
  const e = result.event;
  const url = e.url ? sanitizeUrl(e.url) : '';
  const data = e.data !== undefined ? (redact(e.data) as Record<string, unknown>) : undefined;
  const record = {
    at: new Date().toISOString(),
    kind: e.name !== undefined ? ('event' as const) : ('pageview' as const),
    website: e.website,
    url,
    path: pathOf(url),
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.name !== undefined ? { name: e.name } : {}),
    ...(e.referrer ? { referrer: sanitizeUrl(e.referrer) } : {}),
    ...(typeof data?.sessionId === 'string' ? { sessionId: data.sessionId.slice(0, 64) } : {}),
  };
  ctx.store.add('pageviews', record);
  ctx.printer.pageview(record);
  sendJson(res, 200, { cache: '', sessionId: 'local', visitId: 'local' });
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://umami.invalid').pathname;
  } catch {
    return url;
  }
}
