import { describe, expect, it } from 'vitest';
import { toDocument } from './to-document';

const ORIGIN = { logGroup: '/aws/lambda/checkout', logStream: 's' };
const AT = Date.UTC(2026, 0, 2, 3, 4, 5);

function doc(message: string, origin = ORIGIN) {
  return toDocument({ id: '1', timestamp: AT, message }, origin, 'p');
}

describe('toDocument', () => {
  it('keeps a JSON line that is not a log record (no level or message) as a raw line', () => {
    expect(doc('{"hello":"world"}')?.source).toMatchObject({ message: '{"hello":"world"}', raw: true });
  });

  it('keeps a line that only looks like JSON as a raw line', () => {
    expect(doc('{not json')?.source).toMatchObject({ message: '{not json', raw: true });
  });

  it("replaces a record's unparseable timestamp with the CloudWatch time, so the document is not rejected", () => {
    const source = doc('{"level":"INFO","message":"m","timestamp":"yesterday"}')?.source;
    expect(source?.timestamp).toBe('2026-01-02T03:04:05.000Z');
  });

  it("lets the record's own functionName win over the log group's", () => {
    expect(doc('{"level":"INFO","message":"m","functionName":"api"}')?.source.functionName).toBe('api');
  });

  it('sets no functionName for a log group that is not a Lambda', () => {
    expect(doc('plain', { logGroup: '/ecs/umami', logStream: 's' })?.source).not.toHaveProperty(
      'functionName',
    );
  });

  it('indexes a Lambda timeout REPORT with its status', () => {
    const source = doc(
      'REPORT RequestId: r\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 80 MB\tStatus: timeout',
    )?.source;
    expect(source).toMatchObject({ durationMs: 3000, status: 'timeout', requestId: 'r', report: true });
  });

  it('keeps platform lines other than START, END and REPORT as raw lines', () => {
    expect(doc('INIT_START Runtime Version: nodejs:22.v40')?.source).toMatchObject({ raw: true });
  });
});

describe("toDocument with Lambda's JSON log format", () => {
  it('skips platform.start and platform.runtimeDone, like START and END', () => {
    expect(
      doc('{"time":"t","type":"platform.start","record":{"requestId":"r","version":"$LATEST"}}'),
    ).toBeUndefined();
    expect(
      doc('{"time":"t","type":"platform.runtimeDone","record":{"requestId":"r","status":"success"}}'),
    ).toBeUndefined();
  });

  it('turns platform.report into the REPORT numbers, requestId, status and the X-Ray root id', () => {
    const line = JSON.stringify({
      time: '2026-01-02T03:04:05.000Z',
      type: 'platform.report',
      record: {
        requestId: 'r-9',
        metrics: {
          durationMs: 12.5,
          billedDurationMs: 13,
          memorySizeMB: 256,
          maxMemoryUsedMB: 80,
          initDurationMs: 150.2,
        },
        tracing: {
          type: 'X-Amzn-Trace-Id',
          value: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
        },
        status: 'success',
      },
    });
    expect(doc(line)?.source).toMatchObject({
      report: true,
      requestId: 'r-9',
      status: 'success',
      durationMs: 12.5,
      billedDurationMs: 13,
      memorySizeMb: 256,
      maxMemoryUsedMb: 80,
      initDurationMs: 150.2,
      traceId: '1-5759e988-bd862e3fe1be46a994272793',
    });
  });
});
