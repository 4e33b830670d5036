import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogForwarder, type LogForwarderOptions } from './log-forwarder';
import { type ItemStatus, type ReceivedRequest, startOpenSearchStandIn } from './test/opensearch-stand-in';
import { CONTROL_MESSAGE, dataMessage, logEvent, subscriptionEvent } from './test/subscription-event';

const FIXED_NOW = Date.UTC(2026, 11, 4, 16, 30, 0);
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const REGION = 'eu-west-1';

const RECORD = {
  timestamp: '2026-12-04T15:59:59.123Z',
  level: 'ERROR',
  message: 'payment failed',
  functionName: 'checkout',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  sessionId: 's-1',
  traceId: '1-5759e988-bd862e3fe1be46a994272793',
  errorId: 'e-1',
  coldStart: true,
  context: { orderId: 'o-1', attempt: 2 },
  error: {
    name: 'TypeError',
    message: 'x is undefined',
    stack: 'TypeError: x is undefined\n    at f (a.js:1:1)',
  },
};
const EMF_LINE = JSON.stringify({
  _aws: {
    Timestamp: FIXED_NOW,
    CloudWatchMetrics: [
      {
        Namespace: 'UserMetrics/Lambda',
        Dimensions: [['functionName', 'environment']],
        Metrics: [{ Name: 'Invocations', Unit: 'Count' }],
      },
    ],
  },
  functionName: 'checkout',
  environment: 'dev',
  Invocations: 1,
});
const REPORT_LINE =
  'REPORT RequestId: c6af9ac6-7b61-11e6-9a41-93e8deadbeef\tDuration: 102.25 ms\tBilled Duration: 103 ms\t' +
  'Memory Size: 128 MB\tMax Memory Used: 71 MB\tInit Duration: 180.43 ms\t\n' +
  'XRAY TraceId: 1-5759e988-bd862e3fe1be46a994272793\tSegmentId: 73f7ba1e1e8d5b3c\tSampled: true\t\n';

let standIn: Awaited<ReturnType<typeof startOpenSearchStandIn>> | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function setup(itemStatus?: ItemStatus, overrides: Partial<LogForwarderOptions> = {}) {
  standIn = await startOpenSearchStandIn(itemStatus);
  const logLines: string[] = [];
  const sleeps: number[] = [];
  const forwarder = createLogForwarder({
    endpoint: standIn.endpoint,
    region: REGION,
    credentials: CREDENTIALS,
    now: () => FIXED_NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    logDestination: { write: (line) => logLines.push(line) },
    ...overrides,
  });
  const logs = () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { forwarder, standIn, logs, sleeps };
}

describe('log forwarder: what gets indexed', () => {
  it('indexes structured lines with their fields, parses REPORT, keeps other lines raw and skips EMF, START and END', async () => {
    const { forwarder, standIn } = await setup();
    const events = [
      logEvent('START RequestId: c6af9ac6-7b61-11e6-9a41-93e8deadbeef Version: $LATEST\n'),
      logEvent(`${JSON.stringify(RECORD)}\n`),
      logEvent(`${EMF_LINE}\n`),
      logEvent('2026-12-04T16:00:00.000Z\tc6af9ac6\tINFO\tplain console.log output\n'),
      logEvent('END RequestId: c6af9ac6-7b61-11e6-9a41-93e8deadbeef\n'),
      logEvent(REPORT_LINE),
    ];

    const result = await forwarder.handle(subscriptionEvent(dataMessage(events)));

    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({ method: 'POST', path: '/_bulk' });
    expect(standIn.requests[0]?.headers['content-type']).toBe('application/x-ndjson');
    const docs = standIn.documents();
    expect(docs.map((d) => d.id)).toEqual([events[1]?.id, events[3]?.id, events[5]?.id]);
    expect(new Set(docs.map((d) => d.index))).toEqual(new Set(['usermetrics-logs-2026.12.04']));
    expect(docs[0]?.source).toEqual({
      ...RECORD,
      logGroup: '/aws/lambda/usermetrics-dev-WebVitals',
      logStream: '2026/12/04/[$LATEST]0123456789abcdef0123456789abcdef',
    });
    expect(docs[1]?.source).toMatchObject({
      message: '2026-12-04T16:00:00.000Z\tc6af9ac6\tINFO\tplain console.log output',
      raw: true,
      functionName: 'usermetrics-dev-WebVitals',
      timestamp: '2026-12-04T16:00:00.000Z',
    });
    expect(docs[2]?.source).toMatchObject({
      report: true,
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      traceId: '1-5759e988-bd862e3fe1be46a994272793',
      durationMs: 102.25,
      billedDurationMs: 103,
      memorySizeMb: 128,
      maxMemoryUsedMb: 71,
      initDurationMs: 180.43,
      functionName: 'usermetrics-dev-WebVitals',
    });
    expect(result).toMatchObject({ events: 6, skipped: 3, indexed: 3, requests: 1, resent: 0, rejected: [] });
  });

  it('leaves initDurationMs out of a warm REPORT line', async () => {
    const { forwarder, standIn } = await setup();
    const warm =
      'REPORT RequestId: r-2\tDuration: 3.10 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\t\n';

    await forwarder.handle(subscriptionEvent(dataMessage([logEvent(warm)])));

    const source = standIn.documents()[0]?.source;
    expect(source).toMatchObject({
      durationMs: 3.1,
      billedDurationMs: 4,
      memorySizeMb: 128,
      maxMemoryUsedMb: 72,
    });
    expect(source).not.toHaveProperty('initDurationMs');
  });

  it('indexes by the CloudWatch event day (UTC) with a configurable prefix, and reuses the event id on redelivery', async () => {
    const { forwarder, standIn } = await setup(undefined, { indexPrefix: 'acme-logs' });
    const lateEvening = logEvent(JSON.stringify(RECORD), Date.UTC(2026, 11, 31, 23, 59, 59, 999));
    const event = subscriptionEvent(dataMessage([lateEvening]));

    await forwarder.handle(event);
    await forwarder.handle(event);

    const [first, second] = standIn.documents();
    expect(first).toMatchObject({ index: 'acme-logs-2026.12.31', id: lateEvening.id });
    expect(second).toEqual(first);
  });

  it('sends nothing for a CONTROL_MESSAGE (positive control: a data message to the same forwarder is sent)', async () => {
    const { forwarder, standIn } = await setup();

    const control = await forwarder.handle(subscriptionEvent(CONTROL_MESSAGE));
    expect(standIn.requests).toHaveLength(0);
    await forwarder.handle(subscriptionEvent(dataMessage([logEvent(JSON.stringify(RECORD))])));

    expect(control).toMatchObject({ indexed: 0, requests: 0 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('sends nothing when every line is EMF or START/END', async () => {
    const { forwarder, standIn } = await setup();

    const result = await forwarder.handle(
      subscriptionEvent(dataMessage([logEvent(EMF_LINE), logEvent('END RequestId: r-1')])),
    );

    expect(result).toMatchObject({ events: 2, skipped: 2, requests: 0 });
    expect(standIn.requests).toHaveLength(0);
  });

  it.each([
    ['not base64 gzip', { awslogs: { data: 'bm90IGd6aXA=' } }],
    ['gzipped text that is not JSON', { awslogs: { data: gzipSync('not json').toString('base64') } }],
    ['no awslogs field', { records: [] }],
    ['an unexpected shape', subscriptionEvent({ messageType: 'DATA_MESSAGE', logEvents: 'nope' })],
    ['null', null],
  ])('drops a payload that is %s, logs it once and does not throw', async (_label, event) => {
    const { forwarder, standIn, logs } = await setup();

    const result = await forwarder.handle(event);

    expect(result).toMatchObject({ events: 0, indexed: 0 });
    expect(standIn.requests).toHaveLength(0);
    expect(logs()).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'dropped a subscription payload that does not decode',
        functionName: 'log-forwarder',
      }),
    ]);
  });
});

describe('log forwarder: SigV4', () => {
  it('signs every request so that the same signer at the same time computes the same Authorization', async () => {
    const { forwarder, standIn } = await setup();

    await forwarder.handle(subscriptionEvent(dataMessage([logEvent(JSON.stringify(RECORD))])));

    const received = standIn.requests[0] as ReceivedRequest;
    const authorization = String(received.headers.authorization);
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261204\/eu-west-1\/es\/aws4_request, SignedHeaders=\S*host\S*, Signature=[0-9a-f]{64}$/,
    );
    expect(received.headers['x-amz-date']).toBe('20261204T163000Z');
    expect(await recomputeAuthorization(received, received.body)).toBe(authorization);
    // Negative control: the recomputation notices one changed byte of the body.
    expect(await recomputeAuthorization(received, received.body.replace('payment', 'Payment'))).not.toBe(
      authorization,
    );
  });
});

/** Signs the received request again from its signed headers, with the same key, region, service and time. */
async function recomputeAuthorization(received: ReceivedRequest, body: string): Promise<string> {
  const signedNames =
    /SignedHeaders=([^,]+)/.exec(String(received.headers.authorization))?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  // x-amz-content-sha256 is left out so that the signer hashes the body itself, as OpenSearch does.
  for (const name of signedNames) {
    if (name !== 'x-amz-content-sha256') headers[name] = String(received.headers[name]);
  }
  const host = String(received.headers.host);
  const signer = new SignatureV4({ service: 'es', region: REGION, credentials: CREDENTIALS, sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: received.method,
      protocol: 'http:',
      hostname: host.split(':')[0] as string,
      port: Number(host.split(':')[1]),
      path: received.path,
      query: {},
      headers,
      body,
    },
    { signingDate: new Date(FIXED_NOW) },
  );
  return String(signed.headers.authorization);
}

describe('log forwarder: delivery', () => {
  it('splits a batch into bulk requests under the byte bound and sends every document exactly once', async () => {
    const { forwarder, standIn } = await setup(undefined, { maxBulkBytes: 4_000 });
    const events = Array.from({ length: 30 }, (_, i) =>
      logEvent(JSON.stringify({ ...RECORD, message: `line ${i} ${'x'.repeat(300)}` })),
    );

    const result = await forwarder.handle(subscriptionEvent(dataMessage(events)));

    expect(standIn.requests.length).toBeGreaterThan(2);
    for (const r of standIn.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(4_000);
    expect(standIn.documents().map((d) => d.id)).toEqual(events.map((e) => e.id));
    expect(result).toMatchObject({ indexed: 30, requests: standIn.requests.length });
  });

  it('keeps the default bound of 5 MiB per request for a batch of large lines', async () => {
    const { forwarder, standIn } = await setup();
    // 256 KB is CloudWatch's limit for one event; 24 such lines make about 6 MB.
    const events = Array.from({ length: 24 }, (_, i) =>
      logEvent(JSON.stringify({ ...RECORD, message: `big ${i} ${'y'.repeat(250_000)}` })),
    );

    await forwarder.handle(subscriptionEvent(dataMessage(events)));

    expect(standIn.requests).toHaveLength(2);
    for (const r of standIn.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(standIn.documents()).toHaveLength(24);
    // About 6 MB through gzip, base64, JSON and a local socket: generous on a loaded CI machine.
  }, 30_000);

  it('re-sends only the items answered 429 or 503, after a backoff', async () => {
    const events = [logEvent('a'), logEvent('b'), logEvent('c'), logEvent('d')];
    const firstTry: Record<string, number> = { [events[1]?.id ?? '']: 429, [events[3]?.id ?? '']: 503 };
    const { forwarder, standIn, sleeps } = await setup((doc, attempt) =>
      attempt === 1 ? (firstTry[doc.id] ?? 201) : 200,
    );

    const result = await forwarder.handle(subscriptionEvent(dataMessage(events)));

    expect(standIn.requests).toHaveLength(2);
    expect(standIn.documents().map((d) => d.id)).toEqual([
      ...events.map((e) => e.id),
      events[1]?.id,
      events[3]?.id,
    ]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(result).toMatchObject({ indexed: 4, resent: 2, requests: 2, rejected: [] });
  });

  it('gives up after the bounded attempts when items keep getting 429, and throws so Lambda retries the batch', async () => {
    const { forwarder, standIn, sleeps, logs } = await setup(
      (doc) => (doc.source.message === 'busy' ? 429 : 201),
      {
        maxAttempts: 3,
      },
    );

    await expect(
      forwarder.handle(subscriptionEvent(dataMessage([logEvent('ok'), logEvent('busy')]))),
    ).rejects.toThrow(/429\/5xx for 1 documents after 3 attempts/);

    expect(standIn.requests).toHaveLength(3);
    expect(standIn.requests.slice(1).map((r) => r.body.includes('"ok"'))).toEqual([false, false]);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] as number);
    expect(logs().at(-1)).toMatchObject({ level: 'ERROR', context: { documents: 2 } });
  });

  it('skips a document answered 400, logs why, and keeps the others', async () => {
    const { forwarder, standIn, logs } = await setup((doc) => (doc.source.message === 'bad' ? 400 : 201));
    const bad = logEvent('bad');

    const result = await forwarder.handle(
      subscriptionEvent(dataMessage([logEvent('good'), bad, logEvent('fine')])),
    );

    expect(standIn.requests).toHaveLength(1);
    expect(result).toMatchObject({ indexed: 2, resent: 0 });
    expect(result.rejected).toEqual([
      expect.objectContaining({ id: bad.id, status: 400, type: 'mapper_parsing_exception' }),
    ]);
    expect(logs()).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'OpenSearch rejected documents; they are skipped',
        context: expect.objectContaining({
          rejected: 1,
          samples: [
            expect.objectContaining({
              id: bad.id,
              status: 400,
              reason: expect.stringContaining('flat_object'),
            }),
          ],
        }),
      }),
    ]);
  });

  it('throws when OpenSearch is unreachable, after the bounded attempts, and logs the failure', async () => {
    const port = await closedPort();
    const { forwarder, sleeps, logs } = await setup(undefined, {
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 2,
    });

    await expect(forwarder.handle(subscriptionEvent(dataMessage([logEvent('x')])))).rejects.toThrow(
      /OpenSearch unreachable after 2 attempts: .*ECONNREFUSED/,
    );
    expect(sleeps).toHaveLength(1);
    expect(logs()).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'forwarding failed; the batch goes back to Lambda for a retry',
      }),
    ]);
  });

  it('retries a whole request answered 503, then succeeds', async () => {
    let calls = 0;
    const { forwarder } = await setup(undefined, {
      post: async (body) => {
        calls++;
        if (calls === 1) return { status: 503, body: 'Service Unavailable' };
        const n = body.split('\n').filter(Boolean).length / 2;
        return {
          status: 200,
          body: JSON.stringify({ errors: false, items: Array(n).fill({ index: { status: 201 } }) }),
        };
      },
    });

    const result = await forwarder.handle(subscriptionEvent(dataMessage([logEvent('x'), logEvent('y')])));

    expect(calls).toBe(2);
    expect(result).toMatchObject({ indexed: 2, requests: 2 });
  });

  it('throws on a request-level 403 (a signing or access-policy problem a retry with other data cannot fix)', async () => {
    const { forwarder } = await setup(undefined, {
      post: async () => ({
        status: 403,
        body: '{"message":"The security token included in the request is invalid."}',
      }),
    });

    await expect(forwarder.handle(subscriptionEvent(dataMessage([logEvent('x')])))).rejects.toThrow(
      /HTTP 403/,
    );
  });
});

/** A port nothing listens on: bound once on 127.0.0.1, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
