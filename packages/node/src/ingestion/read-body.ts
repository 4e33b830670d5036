import type { IngestionErrorCode } from '@usermetrics/core';
import type { IngestionRequest } from './read-request';

/** The body as text, or why the request is refused before any parsing. */
export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; status: number; code: IngestionErrorCode; message: string };

const ACCEPTED_MEDIA_TYPES = new Set(['application/json', 'text/plain']);
/** Longest Content-Type header looked at. */
export const MAX_CONTENT_TYPE_LENGTH = 256;
// `fatal`: a base64 body that decodes to invalid UTF-8 is a client error, not text to guess at.
// Created on first use: a TextDecoder at module level loads Node's encoding internals (about 3 ms) at
// import, which every function importing this package paid, ingestion handler or not.
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * True for `application/json` and `text/plain` (what `sendBeacon` sends for a string), any case, with
 * parameters such as `charset=UTF-8`. A missing Content-Type is refused: browsers always send one.
 */
export function isAcceptedContentType(header: string | undefined): boolean {
  // Longer than any real media type with parameters: refused before it is looked at (#18).
  if (header === undefined || header.length > MAX_CONTENT_TYPE_LENGTH) return false;
  const semi = header.indexOf(';');
  const mediaType = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  return ACCEPTED_MEDIA_TYPES.has(mediaType);
}

/**
 * Checks Content-Type and size, then decodes. The size limit is in bytes after base64 decoding, but a body
 * is refused from its raw length first where that already proves it too big, so a hostile multi-megabyte
 * body is never decoded or measured character by character.
 */
export function readBody(request: IngestionRequest, maxBytes: number): BodyResult {
  if (!isAcceptedContentType(request.headers['content-type'])) {
    return refuse(415, 'unsupported_media_type', 'Content-Type must be application/json or text/plain');
  }
  const raw = request.body ?? '';
  if (request.isBase64Encoded) {
    // 4 base64 characters carry 3 bytes. Line breaks are legal filler, so only a body more than twice the
    // largest valid encoding is refused unread; anything smaller is decoded and measured exactly.
    if (raw.length > 2 * (Math.ceil(maxBytes / 3) * 4 + 4)) return tooLarge(maxBytes);
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.byteLength > maxBytes) return tooLarge(maxBytes);
    try {
      utf8 ??= new TextDecoder('utf-8', { fatal: true });
      return { ok: true, text: utf8.decode(bytes) };
    } catch {
      return refuse(400, 'invalid_json', 'Body is not valid UTF-8');
    }
  }
  // Every UTF-16 code unit takes at least one UTF-8 byte and at most three.
  if (raw.length > maxBytes) return tooLarge(maxBytes);
  if (raw.length * 3 > maxBytes && Buffer.byteLength(raw, 'utf8') > maxBytes) return tooLarge(maxBytes);
  return { ok: true, text: raw };
}

function tooLarge(maxBytes: number): BodyResult {
  return refuse(413, 'payload_too_large', `Body is larger than ${maxBytes} bytes`);
}

function refuse(status: number, code: IngestionErrorCode, message: string): BodyResult {
  return { ok: false, status, code, message };
}
