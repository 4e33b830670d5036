import { randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzip } from 'node:zlib';
import type { CollectorContext } from '../server/collector-context';
import { errorBody, readRequestBody, sendJson } from '../server/http-utils';
import { BatchDecodeError, decodeBatch } from './decode-batch';

/** The project id the stand-in reports; replay links look like `/<projectID>/session/<sessionID>`. */
export const LOCAL_PROJECT_ID = '1';
const TOKEN_PREFIX = 'local.';
const MAX_START_BYTES = 64 * 1024;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_DECODED_BYTES = 32 * 1024 * 1024;
let batchCounter = 0;

/**
 * OpenReplay's ingest API as @openreplay/tracker v19 calls it (`ingestPoint` = `<collector>/ingest`):
 * `POST /v1/web/start` hands out a session and a token; `POST /v1/web/i` takes binary batches with
 * `Authorization: Bearer <token>` (401 without a valid one, which makes the tracker start again), gzipped
 * when `Content-Encoding: gzip`; `GET /v1/web/tags` answers no tags. Batches are decoded far enough to
 * count messages, saved, and never replayed.
 */
export async function handleOpenReplay(
  ctx: CollectorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const reject = (status: number, code: string, message: string) => {
    sendJson(res, status, errorBody(code, message));
    const entry = { at: new Date().toISOString(), method, path: `/ingest${path}`, status, code, message };
    ctx.store.add('rejected', entry);
    ctx.printer.rejected(entry);
  };
  if (path === '/v1/web/start' && method === 'POST') return start(ctx, req, res, reject);
  if (path === '/v1/web/i' && method === 'POST') return batch(ctx, req, res, reject);
  if (path === '/v1/web/tags' && method === 'GET') return sendJson(res, 200, { tags: [] });
  req.resume();
  return reject(404, 'not_found', `The OpenReplay stand-in does not implement ${method} ${path}`);
}

type Reject = (status: number, code: string, message: string) => void;

async function start(
  ctx: CollectorContext,
  req: IncomingMessage,
  res: ServerResponse,
  reject: Reject,
): Promise<void> {
  const read = await readRequestBody(req, MAX_START_BYTES);
  if (!read.ok)
    return read.reason === 'too_large' ? reject(413, 'payload_too_large', 'start body too large') : undefined;
  let body: { projectKey?: unknown; userID?: unknown; token?: unknown };
  try {
    body = JSON.parse(read.body.toString('utf8'));
  } catch {
    return reject(400, 'invalid_json', 'Body is not valid JSON');
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.projectKey !== 'string' ||
    body.projectKey === ''
  ) {
    return reject(400, 'invalid_payload', 'projectKey is required');
  }
  // A tab that already has a session (page reload, new tab) continues it, as the real backend does.
  const existing = sessionFromToken(typeof body.token === 'string' ? body.token : undefined);
  const sessionID = existing ?? newSessionId();
  const userID = typeof body.userID === 'string' ? body.userID.slice(0, 128) : undefined;
  if (existing === undefined) {
    const record = {
      at: new Date().toISOString(),
      type: 'start' as const,
      sessionID,
      projectKey: body.projectKey.slice(0, 64),
      ...(userID !== undefined ? { userID } : {}),
    };
    ctx.store.add('replay', record);
    ctx.printer.replay(record);
  }
  sendJson(res, 200, {
    token: `${TOKEN_PREFIX}${sessionID}`,
    userUUID: randomUUID(),
    sessionID,
    projectID: LOCAL_PROJECT_ID,
    delay: 0,
    startTimestamp: Date.now(),
    beaconSizeLimit: 1_000_000,
    compressionThreshold: 24_000,
    // Protocol 2 makes the tracker send the initial DOM snapshot as one batch right away instead of waiting
    // for its send interval, so a short visit is recorded too.
    protocolVersion: 2,
  });
}

async function batch(
  ctx: CollectorContext,
  req: IncomingMessage,
  res: ServerResponse,
  reject: Reject,
): Promise<void> {
  const auth = req.headers.authorization ?? '';
  const sessionID = sessionFromToken(auth.startsWith('Bearer ') ? auth.slice(7) : undefined);
  if (sessionID === undefined) {
    req.resume();
    return reject(401, 'unauthorized', 'Authorization: Bearer <token from /v1/web/start> is required');
  }
  const read = await readRequestBody(req, MAX_BATCH_BYTES);
  if (!read.ok)
    return read.reason === 'too_large' ? reject(413, 'payload_too_large', 'batch too large') : undefined;
  const compressed = (req.headers['content-encoding'] ?? '').toLowerCase() === 'gzip';
  let bytes: Buffer;
  try {
    bytes = compressed ? await gunzipAsync(read.body) : read.body;
  } catch {
    return reject(400, 'invalid_encoding', 'Content-Encoding: gzip but the body is not gzip data');
  }
  let decoded: ReturnType<typeof decodeBatch>;
  try {
    decoded = decodeBatch(bytes);
  } catch (error) {
    const reason = error instanceof BatchDecodeError ? error.message : 'undecodable batch';
    return reject(400, 'invalid_batch', reason);
  }
  // Unique and sortable even for concurrent batches of one session.
  const seq = Date.now() * 1000 + (batchCounter++ % 1000);
  const file = await ctx.store.saveReplayBatch(sessionID, seq, bytes);
  const record = {
    at: new Date().toISOString(),
    type: 'batch' as const,
    sessionID,
    size: read.body.length,
    decodedSize: bytes.length,
    messages: decoded.messageCount,
    compressed,
    dataType: String(req.headers.datatype ?? 'player').slice(0, 32),
    ...(decoded.userID !== undefined ? { userID: decoded.userID.slice(0, 128) } : {}),
    ...(file !== undefined ? { file } : {}),
  };
  ctx.store.add('replay', record);
  ctx.printer.replay(record);
  // Answered once filed, so whoever reads the API after a 200 sees the batch.
  sendJson(res, 200, { success: true });
}

function gunzipAsync(body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    gunzip(body, { maxOutputLength: MAX_DECODED_BYTES }, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );
}

/** Session ids of the real backend are large decimal numbers; keep the look. */
function newSessionId(): string {
  return `${Date.now()}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

function sessionFromToken(token: string | undefined): string | undefined {
  if (token === undefined || !token.startsWith(TOKEN_PREFIX)) return undefined;
  const id = token.slice(TOKEN_PREFIX.length);
  return /^\d{1,32}$/.test(id) ? id : undefined;
}
