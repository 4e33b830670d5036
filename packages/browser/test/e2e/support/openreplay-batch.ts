/**
 * Reader for the binary batches @openreplay/tracker 19 posts to `{ingestPoint}/v1/web/i`, so the tests can look
 * at what really left the browser. Layout (from the tracker's worker): each batch starts with a BatchMetadata
 * message (type 81, no size prefix: version, pageNo, firstIndex, timestamp as varints, url as string); every
 * other message is `type varint + 3-byte little-endian body size + body`. A "visual" batch is two such batches
 * glued together (the `split` query parameter says where), which this reader handles because a second 81
 * simply starts a new batch.
 */

/** One message of a batch: its type number and its raw body bytes. */
export interface ReplayMessage {
  type: number;
  body: Uint8Array;
}

/** A SetInputValue message (type 18): node id, the value as sent, and the mask (-1 hidden, n = n chars obscured). */
export interface ReplayInputValue {
  id: number;
  value: string;
  mask: number;
}

export const MESSAGE_BATCH_METADATA = 81;
export const MESSAGE_SET_NODE_DATA = 14;
export const MESSAGE_SET_INPUT_VALUE = 18;

const utf8 = new TextDecoder();

class Cursor {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error(`truncated varint at ${this.offset}`);
      const byte = this.bytes[this.offset++] as number;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
  }
  int(): number {
    const raw = this.uint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }
  string(): string {
    const length = this.uint();
    return utf8.decode(this.take(length));
  }
  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new Error(`truncated field at ${this.offset}`);
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}

/** Splits an uncompressed batch into messages. Throws on a malformed batch (the test should then fail loudly). */
export function decodeReplayBatch(bytes: Uint8Array): ReplayMessage[] {
  const cursor = new Cursor(bytes);
  const messages: ReplayMessage[] = [];
  while (!cursor.done) {
    const start = cursor.offset;
    const type = cursor.uint();
    if (type === MESSAGE_BATCH_METADATA) {
      for (let i = 0; i < 3; i++) cursor.uint();
      cursor.int();
      cursor.string();
      messages.push({ type, body: bytes.subarray(start, cursor.offset) });
      continue;
    }
    if (messages.length === 0) throw new Error(`batch starts with message type ${type}, not BatchMetadata`);
    const size = cursor.take(3);
    const length = (size[0] as number) | ((size[1] as number) << 8) | ((size[2] as number) << 16);
    messages.push({ type, body: cursor.take(length) });
  }
  return messages;
}

/** Decodes the body of a SetInputValue message. */
export function readInputValue(message: ReplayMessage): ReplayInputValue {
  const cursor = new Cursor(message.body);
  return { id: cursor.uint(), value: cursor.string(), mask: cursor.int() };
}

/** Decodes the text of a SetNodeData message (text node content). */
export function readNodeData(message: ReplayMessage): { id: number; data: string } {
  const cursor = new Cursor(message.body);
  return { id: cursor.uint(), data: cursor.string() };
}

/** True when `needle` occurs in `haystack` as UTF-8 bytes — the probe for "never appears" checks. */
export function containsUtf8(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(
    Buffer.from(needle, 'utf8'),
  );
}
