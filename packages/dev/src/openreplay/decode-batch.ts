/** The header and message count of one OpenReplay batch. */
export interface DecodedBatch {
  version: number;
  pageNo: number;
  firstIndex: number;
  timestamp: number;
  url: string;
  /** Messages after the header, by type id. */
  messageTypes: Record<number, number>;
  messageCount: number;
  /** The last UserID message's id (usermetrics sets its sessionId as the OpenReplay user id). */
  userID?: string;
}

/** Thrown for bytes that are not an OpenReplay batch. */
export class BatchDecodeError extends Error {
  override name = 'BatchDecodeError';
}

// The BatchMetadata message type that opens every batch the tracker (v19) sends.
const BATCH_METADATA = 81;
const SIZE_BYTES = 3;
const USER_ID = 28;

/**
 * Reads the framing of a batch posted to `/v1/web/i` by @openreplay/tracker: a BatchMetadata header
 * (type 81 then version, pageNo, firstIndex as LEB128 varints, the timestamp as a zig-zag varint and the
 * location as a length-prefixed UTF-8 string), followed by messages each framed as a varint type, a 3-byte
 * little-endian body size and the body. With protocol 2 several batches arrive glued together, each with
 * its own header. Bodies are counted, not replayed.
 */
export function decodeBatch(bytes: Uint8Array): DecodedBatch {
  const reader = new Reader(bytes);
  const type = reader.uint();
  if (type !== BATCH_METADATA)
    throw new BatchDecodeError(`batch must start with BatchMetadata (81), got ${type}`);
  const { version, pageNo, firstIndex, timestamp, url } = readHeader(reader);
  const messageTypes: Record<number, number> = {};
  let messageCount = 0;
  let userID: string | undefined;
  while (!reader.done()) {
    const messageType = reader.uint();
    // Protocol 2 glues batches together (the initial "visual" batch): a second header starts the next one.
    if (messageType === BATCH_METADATA) {
      readHeader(reader);
      continue;
    }
    const size = reader.fixedSize(SIZE_BYTES);
    if (messageType === USER_ID) userID = reader.peekString(size);
    reader.skip(size);
    messageTypes[messageType] = (messageTypes[messageType] ?? 0) + 1;
    messageCount++;
  }
  return {
    version,
    pageNo,
    firstIndex,
    timestamp,
    url,
    messageTypes,
    messageCount,
    ...(userID !== undefined ? { userID } : {}),
  };
}

function readHeader(reader: Reader) {
  const version = reader.uint();
  const pageNo = reader.uint();
  const firstIndex = reader.uint();
  const timestamp = reader.int();
  const url = reader.string();
  return { version, pageNo, firstIndex, timestamp, url };
}

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.offset >= this.bytes.length;
  }

  uint(): number {
    let value = 0;
    let factor = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * factor;
      if ((byte & 0x80) === 0) return value;
      factor *= 128;
    }
    throw new BatchDecodeError(`varint too long at byte ${this.offset}`);
  }

  /** A zig-zag encoded signed varint. */
  int(): number {
    const raw = this.uint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  string(): string {
    const length = this.uint();
    const end = this.offset + length;
    if (end > this.bytes.length) throw new BatchDecodeError('string runs past the end of the batch');
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, length).toString('utf8');
    this.offset = end;
    return text;
  }

  /** The length-prefixed string at the start of the next `within` bytes, without moving; undefined if malformed. */
  peekString(within: number): string | undefined {
    const start = this.offset;
    try {
      const text = this.string();
      return this.offset - start <= within ? text : undefined;
    } catch {
      return undefined;
    } finally {
      this.offset = start;
    }
  }

  fixedSize(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) value |= this.byte() << (8 * i);
    return value >>> 0;
  }

  skip(n: number): void {
    if (this.offset + n > this.bytes.length)
      throw new BatchDecodeError('message runs past the end of the batch');
    this.offset += n;
  }

  private byte(): number {
    const b = this.bytes[this.offset];
    if (b === undefined) throw new BatchDecodeError('batch ends in the middle of a value');
    this.offset++;
    return b;
  }
}
