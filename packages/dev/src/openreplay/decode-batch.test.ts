import { describe, expect, it } from 'vitest';
import { BatchDecodeError, decodeBatch } from './decode-batch';

// A tiny encoder following the tracker's framing, to build batches byte by byte.
function uint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
function str(s: string): number[] {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...uint(bytes.length), ...bytes];
}
function message(type: number, body: number[]): number[] {
  return [...uint(type), body.length & 255, (body.length >> 8) & 255, (body.length >> 16) & 255, ...body];
}
const header = (pageNo: number) => [
  ...uint(81),
  ...uint(1),
  ...uint(pageNo),
  ...uint(0),
  ...uint(2 * 1_767_225_600_000), // zig-zag: a positive n is written as 2n
  ...str('http://localhost/p'),
];
function batch(...messages: number[][]): Uint8Array {
  return Uint8Array.from([...header(2), ...messages.flat()]);
}

describe('decodeBatch', () => {
  it('reads the BatchMetadata header and counts messages by type', () => {
    const bytes = batch(message(0, uint(1_767_225_600_123)), message(118, str('tab-1')), message(0, uint(5)));
    const decoded = decodeBatch(bytes);
    expect(decoded).toMatchObject({
      version: 1,
      pageNo: 2,
      firstIndex: 0,
      timestamp: 1_767_225_600_000,
      url: 'http://localhost/p',
    });
    expect(decoded.messageCount).toBe(3);
    expect(decoded.messageTypes).toEqual({ 0: 2, 118: 1 });
  });

  it('reads the user id of a UserID message (the usermetrics sessionId)', () => {
    const decoded = decodeBatch(batch(message(0, uint(1)), message(28, str('0190-session'))));
    expect(decoded.userID).toBe('0190-session');
    expect(decodeBatch(batch(message(0, uint(1)))).userID).toBeUndefined();
  });

  it('reads batches glued together (protocol 2 visual batch) and counts the messages of all', () => {
    const glued = Uint8Array.from([...batch(message(0, uint(1))), ...header(3), ...message(18, str('x'))]);
    const decoded = decodeBatch(glued);
    expect(decoded.messageCount).toBe(2);
    expect(decoded.messageTypes).toEqual({ 0: 1, 18: 1 });
  });

  it('handles message bodies longer than 255 bytes (3-byte little-endian size)', () => {
    const long = str('x'.repeat(70_000));
    expect(decodeBatch(batch(message(18, long))).messageCount).toBe(1);
  });

  it('rejects bytes that do not start with BatchMetadata', () => {
    expect(() => decodeBatch(Uint8Array.from([7, 1, 2]))).toThrow(BatchDecodeError);
  });

  it('rejects a message that runs past the end', () => {
    const bytes = batch(message(0, uint(1)));
    expect(() => decodeBatch(bytes.subarray(0, bytes.length - 1))).toThrow(BatchDecodeError);
    const truncatedHeader = Uint8Array.from([81, 1, 2]);
    expect(() => decodeBatch(truncatedHeader)).toThrow(/ends in the middle/);
  });

  it('rejects an over-long varint', () => {
    expect(() => decodeBatch(Uint8Array.from([81, 255, 255, 255, 255, 255, 255, 255, 255, 1]))).toThrow(
      /varint/,
    );
  });
});
