import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boom, checkout, exampleRoutes, hello, InventoryUnavailableError, slow } from './index';

// Handlers write through pino's synchronous fd-1 destination (fs.writeSync) and console/stdout; collect both.
function captureStdout(): { lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const originalWriteSync = fs.writeSync;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1) return (originalWriteSync as (...a: unknown[]) => number)(fd, data, ...rest);
    chunks.push(String(data));
    return String(data).length;
  }) as typeof fs.writeSync);
  vi.spyOn(process.stdout, 'write').mockImplementation(((data: unknown) => {
    chunks.push(String(data));
    return true;
  }) as typeof process.stdout.write);
  // @usermetrics/node imports writeSync as an ESM binding; make it follow the spy.
  syncBuiltinESMExports();
  return {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function event(routeKey: string, query: Record<string, string> = {}, body?: string): APIGatewayProxyEventV2 {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { 'x-session-id': '01900000-0000-7000-8000-000000000001', 'user-agent': 'test/1.0' },
    queryStringParameters: query,
    requestContext: {
      accountId: '0',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test/1.0' },
      requestId: 'r',
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
    ...(body !== undefined ? { body } : {}),
  };
}

function context(name: string, remainingMs = 3000): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:0:function:${name}`,
    memoryLimitInMB: '128',
    awsRequestId: `req-${name}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 's',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('example handlers', () => {
  it('hello answers 200 and logs with the session id from X-Session-Id', async () => {
    const out = captureStdout();
    const result = (await hello(event('GET /api/hello'), context('example-hello'))) as {
      statusCode: number;
      body: string;
    };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).sessionId).toBe('01900000-0000-7000-8000-000000000001');
    const log = out.lines().find((l) => l.message === 'hello called');
    expect(log).toMatchObject({
      level: 'INFO',
      sessionId: '01900000-0000-7000-8000-000000000001',
      requestId: 'req-example-hello',
    });
  });

  it('boom rethrows its own error and logs it', async () => {
    const out = captureStdout();
    await expect(boom(event('GET /api/boom'), context('example-boom'))).rejects.toBeInstanceOf(
      InventoryUnavailableError,
    );
    expect(out.lines().some((l) => l.level === 'ERROR')).toBe(true);
  });

  it('slow warns before the timeout when it sleeps past the margin', async () => {
    const out = captureStdout();
    await slow(event('GET /api/slow', { sleepMs: '700' }), context('example-slow', 1000));
    const lines = out.lines();
    expect(lines.some((l) => l.level === 'WARN')).toBe(true);
    const emf = lines.filter((l) => '_aws' in l);
    expect(emf.some((d) => d.TimeoutWarning === 1)).toBe(true);
  });

  it('checkout records its business metrics as EMF in the DemoShop namespace', async () => {
    const out = captureStdout();
    const result = (await checkout(
      event('POST /api/checkout', {}, '{"items":3,"total":42.5}'),
      context('example-checkout'),
    )) as {
      statusCode: number;
    };
    expect(result.statusCode).toBe(200);
    const docs = out.lines().filter((l) => '_aws' in l) as {
      _aws: { CloudWatchMetrics: { Namespace: string }[] };
      OrderValue?: number;
    }[];
    const shop = docs.find((d) => d._aws.CloudWatchMetrics.some((m) => m.Namespace === 'DemoShop'));
    expect(shop?.OrderValue).toBe(42.5);
  });

  it('checkout refuses a body that is not JSON with 400', async () => {
    captureStdout();
    const result = (await checkout(event('POST /api/checkout', {}, '{'), context('example-checkout'))) as {
      statusCode: number;
    };
    expect(result.statusCode).toBe(400);
  });

  it('lists every handler in the route table with a timeout', () => {
    expect(exampleRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/hello',
      'GET /api/slow',
      'GET /api/boom',
      'POST /api/checkout',
      'GET /api/middy/hello',
    ]);
    for (const r of exampleRoutes) expect(r.timeoutMs).toBeGreaterThan(0);
  });
});
