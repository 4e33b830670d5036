import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorContext } from './collector-context';

/** The body, or why reading stopped. */
export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A bigger body is not buffered: reading stops counting and the
 * rest is drained, so a hostile multi-megabyte upload costs no memory and the caller can still answer 413.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { ok: false, reason: 'too_large' } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.on('aborted', () => resolve({ ok: false, reason: 'aborted' }));
  });
}

/** Writes a JSON answer. Never throws, even if the client has gone. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** Writes an answer. Never throws, even if the client has gone. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  try {
    res.writeHead(status, headers);
    res.end(body);
  } catch {
    // The socket closed under us; nothing left to tell anyone.
  }
}

/** The production ingestion error body (DESIGN §5), for the collector's own endpoints. */
export function errorBody(
  code: string,
  message: string,
): { success: false; error: { code: string; message: string } } {
  return { success: false, error: { code, message } };
}

/** True for `application/json` or `text/plain` (what sendBeacon sends for a string), with any parameters. */
export function isJsonOrText(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase();
  return media === 'application/json' || media === 'text/plain';
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Answers a CORS preflight; the origin is echoed only when it is the collector's own. */
export function preflight(
  ctx: CollectorContext,
  req: IncomingMessage,
  res: ServerResponse,
  methods: string,
): void {
  const origin = req.headers.origin;
  const headers: Record<string, string> = {
    'access-control-allow-methods': methods,
    'access-control-max-age': '600',
  };
  if (origin !== undefined && ctx.origins.includes(origin)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-headers'] = 'authorization, content-type, content-encoding, datatype';
    headers.vary = 'Origin';
  }
  send(res, 204, '', headers);
}

/** 405 with the production error body and an Allow header. */
export function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, errorBody('method_not_allowed', `Use ${allow}`), { allow });
}
