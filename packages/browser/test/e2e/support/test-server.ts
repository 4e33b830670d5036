import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  createId,
  type ErrorReportPayload,
  LIMITS,
  validateErrorReport,
  validateWebVitalsPayload,
  type WebVitalsPayload,
  type WebVitalsValidation,
} from '@usermetrics/core';
import { decodeReplayBatch, type ReplayMessage } from './openreplay-batch';
import { type UmamiEvent, umamiRejection } from './umami-payload';

/**
 * One local server, two loopback origins: the built test app on `appOrigin`, and on `apiOrigin` the stand-ins
 * for everything the page talks to — the usermetrics ingestion API (DESIGN §5), Umami's `/api/send` and
 * OpenReplay's `/v1/web/*`. Two origins so CORS and preflights happen exactly as in production.
 */

/** Every request either origin saw, in arrival order. `at` is epoch ms on this machine's clock. */
export interface RecordedRequest {
  at: number;
  origin: 'app' | 'api';
  method: string;
  path: string;
  search: string;
  headers: IncomingMessage['headers'];
}

export interface RecordedWebVitals {
  at: number;
  contentType: string;
  body: WebVitalsPayload;
  validation: WebVitalsValidation;
}

export interface RecordedErrorReport {
  at: number;
  contentType: string;
  body: ErrorReportPayload;
  errorId: string;
}

export interface RecordedReplayBatch {
  at: number;
  dataType: string;
  /** True when the request carried `Content-Encoding: gzip` (and was gunzipped here). */
  compressed: boolean;
  wireBytes: number;
  /** The batch after gunzip: what the probes search. */
  bytes: Uint8Array;
  messages: ReplayMessage[];
}

/** A body the stand-ins refused, with the reason; a correct tracker never produces one. */
export interface RecordedRejection {
  at: number;
  path: string;
  status: number;
  reason: string;
}

export interface TestServerOptions {
  /** Folder of the built app (vite outDir). */
  appDir: string;
  /** Batch size above which OpenReplay gzips, as its ingest server announces in the start answer. @default 1024 */
  compressionThreshold?: number;
  /** The page served for client-side routes (extensionless paths). @default 'index.html' */
  spaShell?: string;
  /**
   * Whether the API origin allows the app's origin. When false it behaves like the ingestion handlers do for
   * an origin missing from `allowedOrigins` (#17): 403 `origin_not_allowed` without CORS headers, nothing
   * recorded as received (the refused requests go to `refused`). @default true
   */
  allowAppOrigin?: boolean;
}

export interface TestServer {
  appOrigin: string;
  apiOrigin: string;
  requests: RecordedRequest[];
  webVitals: RecordedWebVitals[];
  errorReports: RecordedErrorReport[];
  umami: { at: number; body: UmamiEvent }[];
  replayStarts: { at: number; body: unknown }[];
  replayBatches: RecordedReplayBatch[];
  rejections: RecordedRejection[];
  /** Requests answered 403 origin_not_allowed (only with `allowAppOrigin: false`), with their bodies. */
  refused: { at: number; method: string; path: string; body: string }[];
  /** Bodies posted to `/raw/beacon` by the raw-libraries page (harness self-check). */
  rawBeacons: { at: number; body: string }[];
  /** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Resolves once no request has reached either origin for `quietMs` (lets keepalive requests land). */
  settle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
const MAX_READ_BYTES = 8 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_READ_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function failure(res: ServerResponse, status: number, code: string, message: string, issues?: unknown): void {
  json(res, status, { success: false, error: { code, message, ...(issues ? { issues } : {}) } });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

/** Starts the app + stand-ins server on two random loopback ports. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const compressionThreshold = options.compressionThreshold ?? 1024;
  const tokens = new Set<string>();
  const state: Omit<TestServer, 'appOrigin' | 'apiOrigin' | 'waitFor' | 'settle' | 'close'> = {
    requests: [],
    webVitals: [],
    errorReports: [],
    umami: [],
    replayStarts: [],
    replayBatches: [],
    rejections: [],
    refused: [],
    rawBeacons: [],
  };
  const allowAppOrigin = options.allowAppOrigin ?? true;
  let appOrigin = '';

  function reject(
    res: ServerResponse,
    path: string,
    status: number,
    code: string,
    reason: string,
    issues?: unknown,
  ) {
    state.rejections.push({ at: Date.now(), path, status, reason: `${code}: ${reason}` });
    failure(res, status, code, reason, issues);
  }

  async function serveApp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
    let file = join(options.appDir, safe);
    // Client-side routes (no file extension) get the SPA shell.
    if (extname(safe) === '' || !(await stat(file).catch(() => null))?.isFile()) {
      file = extname(safe) === '' ? join(options.appDir, options.spaShell ?? 'index.html') : '';
    }
    if (!file) return void json(res, 404, { error: 'not found' });
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function refuse(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = (await readBody(req)).toString('utf8');
    state.refused.push({ at: Date.now(), method: req.method ?? '', path, body });
    failure(res, 403, 'origin_not_allowed', `origin ${req.headers.origin} is not allowed`);
  }

  function cors(req: IncomingMessage, res: ServerResponse): boolean {
    // Only the app's origin is echoed (DESIGN §5: allowlist, never `*`).
    if (allowAppOrigin && req.headers.origin === appOrigin) {
      res.setHeader('Access-Control-Allow-Origin', appOrigin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method !== 'OPTIONS') return false;
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      req.headers['access-control-request-headers'] ?? 'Content-Type',
    );
    res.setHeader('Access-Control-Max-Age', '600');
    res.writeHead(204);
    res.end();
    return true;
  }

  async function ingestion(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await readBody(req);
    if (body.length > LIMITS.maxBodyBytes)
      return reject(res, path, 413, 'payload_too_large', `${body.length} bytes`);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (contentType !== 'application/json' && contentType !== 'text/plain') {
      return reject(res, path, 415, 'unsupported_media_type', contentType || '(none)');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return reject(res, path, 400, 'invalid_json', 'body is not JSON');
    }
    const at = Date.now();
    if (path === '/metrics/web-vitals') {
      const validation = validateWebVitalsPayload(parsed, { now: at });
      if (!validation.ok)
        return reject(res, path, 400, validation.code, validation.message, validation.issues);
      state.webVitals.push({ at, contentType, body: parsed as WebVitalsPayload, validation });
      const { accepted, rejected } = validation;
      return json(res, 200, {
        success: true,
        metricsReceived: accepted.length,
        metricsRejected: rejected.length,
        ...(rejected.length > 0 ? { rejected } : {}),
      });
    }
    const validation = validateErrorReport(parsed);
    if (!validation.ok) return reject(res, path, 400, validation.code, validation.message, validation.issues);
    const errorId = createId();
    state.errorReports.push({ at, contentType, body: parsed as ErrorReportPayload, errorId });
    json(res, 200, { success: true, errorId });
  }

  async function umami(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await readBody(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return reject(res, path, 400, 'invalid_json', 'body is not JSON');
    }
    const problem = umamiRejection(parsed);
    if (problem) return reject(res, path, 400, 'invalid_payload', problem);
    state.umami.push({ at: Date.now(), body: parsed as UmamiEvent });
    json(res, 200, { cache: 'e2e', sessionId: randomUUID(), visitId: randomUUID() });
  }

  async function openReplay(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const body = await readBody(req);
    if (path === '/v1/web/start' && req.method === 'POST') {
      state.replayStarts.push({ at: Date.now(), body: JSON.parse(body.toString('utf8')) });
      const token = `e2e-token-${randomUUID()}`;
      tokens.add(token);
      // Field names and types as the tracker checks them (App.start in @openreplay/tracker 19). protocolVersion 2
      // makes the worker send the initial DOM as one "visual" batch right away, big enough to be gzipped.
      return json(res, 200, {
        token,
        userUUID: randomUUID(),
        sessionID: String(Date.now()),
        projectID: '1',
        delay: 0,
        startTimestamp: Date.now(),
        beaconSizeLimit: 1_000_000,
        compressionThreshold,
        protocolVersion: 2,
      });
    }
    const auth = req.headers.authorization ?? '';
    if (!tokens.has(auth.replace(/^Bearer /, '')))
      return reject(res, path, 401, 'unauthorised', 'unknown token');
    if (path === '/v1/web/i' && req.method === 'POST') {
      const compressed = req.headers['content-encoding'] === 'gzip';
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(compressed ? gunzipSync(body) : body);
      } catch (error) {
        return reject(res, path, 400, 'invalid_gzip', String(error));
      }
      state.replayBatches.push({
        at: Date.now(),
        dataType: String(req.headers.datatype ?? ''),
        compressed,
        wireBytes: body.length,
        bytes,
        messages: decodeReplayBatch(bytes),
      });
      res.writeHead(200);
      return void res.end();
    }
    if (path === '/v1/web/tags') return json(res, 200, { tags: [] });
    if (path.startsWith('/v1/web/conditions')) return json(res, 200, { conditions: [] });
    json(res, 200, {});
  }

  function handler(origin: 'app' | 'api') {
    return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      state.requests.push({
        at: Date.now(),
        origin,
        method: req.method ?? '',
        path,
        search: url.search,
        headers: req.headers,
      });
      try {
        if (origin === 'app') return await serveApp(req, res, path);
        if (!allowAppOrigin && req.headers.origin !== undefined) return await refuse(req, res, path);
        if (cors(req, res)) return;
        if (req.method === 'POST' && (path === '/metrics/web-vitals' || path === '/errors/report')) {
          return await ingestion(req, res, path);
        }
        if (req.method === 'POST' && path === '/api/send') return await umami(req, res, path);
        if (req.method === 'POST' && path === '/raw/beacon') {
          state.rawBeacons.push({ at: Date.now(), body: (await readBody(req)).toString('utf8') });
          return json(res, 200, {});
        }
        if (path.startsWith('/v1/web/')) return await openReplay(req, res, path);
        json(res, 404, { error: 'not found' });
      } catch (error) {
        state.rejections.push({ at: Date.now(), path, status: 500, reason: String(error) });
        if (!res.headersSent)
          json(res, 500, { success: false, error: { code: 'internal', message: String(error) } });
      }
    };
  }

  const app = createServer(handler('app'));
  const api = createServer(handler('api'));
  appOrigin = await listen(app);
  const apiOrigin = await listen(api);

  return {
    ...state,
    appOrigin,
    apiOrigin,
    async waitFor(what, probe, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async settle(quietMs = 750) {
      for (;;) {
        const last = state.requests.at(-1)?.at ?? 0;
        const quietFor = Date.now() - last;
        if (quietFor >= quietMs) return;
        await new Promise((r) => setTimeout(r, quietMs - quietFor));
      }
    },
    async close() {
      for (const server of [app, api]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
