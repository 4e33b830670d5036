import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaHandler } from '../src/lambda/types';
import { type Collector, PortInUseError, startCollector } from '../src/server/create-collector';
import { getJson, makeAppDir, makeDataDir, post, vital } from './helpers';

const SESSION = '01900000-0000-7000-8000-0000000000aa';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const okHandler: LambdaHandler = async (event) => {
  console.log(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level: 'INFO',
      message: 'ok called',
      sessionId: event.headers['x-session-id'],
    }),
  );
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          { Namespace: 'Test', Dimensions: [['functionName']], Metrics: [{ Name: 'Hits', Unit: 'Count' }] },
        ],
      },
      functionName: 'test-ok',
      Hits: 1,
    }),
  );
  return { statusCode: 200, body: 'ok' };
};

const apiRoutes = [
  {
    method: 'GET' as const,
    path: '/api/ok',
    functionName: 'test-ok',
    timeoutMs: 1000,
    description: '',
    handler: okHandler,
  },
  {
    method: 'GET' as const,
    path: '/api/throw',
    functionName: 'test-throw',
    timeoutMs: 1000,
    description: '',
    handler: async () => {
      throw new TypeError('handler exploded');
    },
  },
  {
    method: 'GET' as const,
    path: '/api/hang',
    functionName: 'test-hang',
    timeoutMs: 50,
    description: '',
    handler: () => sleep(300),
  },
  {
    method: 'POST' as const,
    path: '/api/echo',
    functionName: 'test-echo',
    timeoutMs: 1000,
    description: '',
    handler: async (e: unknown) => e,
  },
];

// The route patterns the ingestion handlers are configured with (`--routes`); others become `other`.
const ROUTES = ['/', '/checkout'];
let collector: Collector;
let dataDir: string;
let appDir: string;

beforeAll(async () => {
  dataDir = await makeDataDir();
  appDir = await makeAppDir();
  collector = await startCollector({ port: 0, dataDir, appDir, apiRoutes, routes: ROUTES, quiet: true });
});

afterAll(async () => {
  await collector?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(appDir, { recursive: true, force: true });
});

describe('static app', () => {
  it('serves files and falls back to index.html for client-side routes', async () => {
    expect(await (await fetch(`${collector.url}/assets/app.js`)).text()).toContain('console.log');
    expect(await (await fetch(`${collector.url}/checkout`)).text()).toContain('INDEX');
    expect((await fetch(`${collector.url}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses paths that climb out of the app folder', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: collector.port, path: '/..%2f..%2f..%2fetc%2fpasswd' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('Lambda routes behind the API Gateway adapter', () => {
  it('runs the handler and files its log lines and EMF documents under the function', async () => {
    const response = await fetch(`${collector.url}/api/ok`, { headers: { 'x-session-id': SESSION } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    const { logs } = await getJson<{ logs: { functionName: string; sessionId?: string; message: string }[] }>(
      `${collector.url}/__usermetrics/api/logs`,
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ functionName: 'test-ok', sessionId: SESSION, message: 'ok called' }),
    );
    const { series } = await getJson<{ series: { namespace: string; name: string; samples: number }[] }>(
      `${collector.url}/__usermetrics/api/emf`,
    );
    expect(series).toContainEqual(expect.objectContaining({ namespace: 'Test', name: 'Hits', samples: 1 }));
  });

  it('answers 502 JSON when a handler throws, and keeps serving', async () => {
    const response = await fetch(`${collector.url}/api/throw`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ errorType: 'TypeError', errorMessage: 'handler exploded' });
    expect((await fetch(`${collector.url}/api/ok`)).status).toBe(200);
  });

  it('answers 504 when a handler overruns its timeout', async () => {
    const response = await fetch(`${collector.url}/api/hang`);
    expect(response.status).toBe(504);
    expect(((await response.json()) as { message: string }).message).toMatch(/timed out/);
  });

  it('passes binary bodies base64-encoded', async () => {
    const { json } = await post(`${collector.url}/api/echo?x=1`, Uint8Array.from([0, 255]), {
      'content-type': 'application/octet-stream',
    });
    expect(json).toMatchObject({
      isBase64Encoded: true,
      body: Buffer.from([0, 255]).toString('base64'),
      rawQueryString: 'x=1',
    });
  });

  it('refuses a body over 1 MiB with 413 before running the handler', async () => {
    const { status, json } = await post(`${collector.url}/api/echo`, 'x'.repeat(1024 * 1024 + 1), {
      'content-type': 'text/plain',
    });
    expect(status).toBe(413);
    expect(json).toMatchObject({ success: false, error: { code: 'payload_too_large' } });
  });

  it('answers 404 JSON for unknown API paths and 405 for unsupported methods', async () => {
    expect((await fetch(`${collector.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${collector.url}/`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('production ingestion handlers', () => {
  it('keeps the valid items of a partly bad batch and records the rejections', async () => {
    const before = collector.store.total('vitals');
    const { status, json } = await post(
      `${collector.url}/metrics/web-vitals`,
      JSON.stringify({
        sessionId: SESSION,
        metrics: [vital('LCP', 1200), vital('FID', 10), vital('CLS', 0.05)],
      }),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, metricsReceived: 2, metricsRejected: 1 });
    expect(collector.store.total('vitals') - before).toBe(2);
    const { byRoute } = await getJson<{ byRoute: Record<string, Record<string, { p75: number }>> }>(
      `${collector.url}/__usermetrics/api/vitals`,
    );
    expect(byRoute['/checkout']?.LCP?.p75).toBe(1200);
  });

  it.each([
    ['malformed JSON', '{"metrics":', 'application/json', 400, 'invalid_json'],
    ['a wrong content type', '{}', 'application/xml', 415, 'unsupported_media_type'],
    ['an oversized body', 'x'.repeat(150_000), 'application/json', 413, 'payload_too_large'],
  ])('answers %s as production does', async (_label, body, type, status, code) => {
    const response = await post(`${collector.url}/metrics/web-vitals`, body, { 'content-type': type });
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ success: false, error: { code } });
    const { items } = await getJson<{ items: { code: string }[] }>(
      `${collector.url}/__usermetrics/api/rejected`,
    );
    expect(items.some((i) => i.code === code)).toBe(true);
  });

  it('files an accepted error report with the errorId of the answer', async () => {
    const { status, json } = await post(
      `${collector.url}/errors/report`,
      JSON.stringify({
        error: { message: 'boom for jane@example.com', type: 'TypeError', stack: 'TypeError: boom' },
        context: {
          url: 'http://127.0.0.1/checkout',
          timestamp: new Date().toISOString(),
          sessionId: SESSION,
          route: '/checkout',
          replayUrl: 'http://127.0.0.1/1/session/42',
        },
      }),
    );
    expect(status).toBe(200);
    const { errors } = await getJson<{
      errors: { errorId: string; message: string; sessionId: string; replayUrl: string }[];
    }>(`${collector.url}/__usermetrics/api/errors`);
    const error = errors.find((e) => e.errorId === json.errorId);
    expect(error).toMatchObject({ sessionId: SESSION, replayUrl: 'http://127.0.0.1/1/session/42' });
    // Redacted before it was written (positive control: the rest of the message is there).
    expect(error?.message).toContain('boom for');
    expect(error?.message).not.toContain('jane@example.com');
  });

  it('serves the same endpoints under /telemetry', async () => {
    const { status, json } = await post(
      `${collector.url}/telemetry/metrics/web-vitals`,
      JSON.stringify({ sessionId: SESSION, metrics: [vital('TTFB', 80)] }),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ metricsReceived: 1 });
    const umami = await post(
      `${collector.url}/telemetry/api/send`,
      JSON.stringify({
        type: 'event',
        payload: { website: '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', url: '/t' },
      }),
    );
    expect(umami.status).toBe(200);
  });

  it('answers the CORS preflight for the collector origin', async () => {
    const response = await fetch(`${collector.url}/metrics/web-vitals`, {
      method: 'OPTIONS',
      headers: { origin: collector.url, 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(collector.url);
  });
});

describe('Umami stand-in', () => {
  const send = (payload: Record<string, unknown>, type = 'application/json') =>
    post(`${collector.url}/api/send`, JSON.stringify({ type: 'event', payload }), { 'content-type': type });
  const page = {
    website: '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
    hostname: '127.0.0.1',
    url: 'http://127.0.0.1/checkout?token=abc',
    title: 'Checkout',
  };

  it('files a valid page view with its url sanitized', async () => {
    expect((await send(page)).status).toBe(200);
    const { items } = await getJson<{ items: { path: string; url: string }[] }>(
      `${collector.url}/__usermetrics/api/pageviews`,
    );
    const view = items.find((i) => i.path === '/checkout');
    expect(view?.url).toContain('/checkout');
    expect(view?.url).not.toContain('abc');
  });

  it('refuses what Umami refuses with 400 and the reason, and wrong media types with 415', async () => {
    const bad = await send({ ...page, website: 'nope' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('website must be a uuid');
    expect((await send(page, 'application/xml')).status).toBe(415);
    expect(
      (await post(`${collector.url}/api/send`, '{', { 'content-type': 'application/json' })).status,
    ).toBe(400);
    expect((await post(`${collector.url}/api/send`, 'x'.repeat(200_000))).status).toBe(413);
    expect((await fetch(`${collector.url}/api/send`)).status).toBe(405);
  });
});

describe('OpenReplay stand-in', () => {
  // BatchMetadata header, then two framed messages (type, 3-byte size, body).
  const batchBytes = Uint8Array.from([81, 1, 1, 0, 1, 0, 0, 2, 0, 0, 1, 2, 3, 3, 0, 0, 1, 2, 3]);

  it('starts a session, takes gzipped batches with the token, and counts their messages', async () => {
    const { status, json } = await post(
      `${collector.url}/ingest/v1/web/start`,
      JSON.stringify({ projectKey: 'demo', userID: SESSION }),
    );
    expect(status).toBe(200);
    expect(typeof json.token).toBe('string');
    expect(typeof json.sessionID).toBe('string');
    expect(typeof json.delay).toBe('number');
    expect(typeof json.beaconSizeLimit).toBe('number');
    const auth = { authorization: `Bearer ${json.token}`, 'content-type': 'application/octet-stream' };
    expect((await post(`${collector.url}/ingest/v1/web/i`, batchBytes, auth)).status).toBe(200);
    expect(
      (
        await post(`${collector.url}/ingest/v1/web/i`, gzipSync(batchBytes), {
          ...auth,
          'content-encoding': 'gzip',
        })
      ).status,
    ).toBe(200);
    const { sessions } = await getJson<{
      sessions: { sessionID: string; batches: number; messages: number; userID: string }[];
    }>(`${collector.url}/__usermetrics/api/replay`);
    expect(sessions.find((s) => s.sessionID === json.sessionID)).toMatchObject({
      batches: 2,
      messages: 4,
      userID: SESSION,
    });
    const files = await readdir(join(dataDir, 'replay', json.sessionID as string));
    expect(files).toHaveLength(2);
    expect((await fetch(`${collector.url}/1/session/${json.sessionID}`)).status).toBe(200);
  });

  it('answers 401 without a valid token and 400 for bytes that are not a batch', async () => {
    expect(
      (
        await post(`${collector.url}/ingest/v1/web/i`, batchBytes, {
          'content-type': 'application/octet-stream',
        })
      ).status,
    ).toBe(401);
    const { json } = await post(
      `${collector.url}/ingest/v1/web/start`,
      JSON.stringify({ projectKey: 'demo' }),
    );
    const auth = { authorization: `Bearer ${json.token}`, 'content-type': 'application/octet-stream' };
    expect((await post(`${collector.url}/ingest/v1/web/i`, Uint8Array.from([1, 2, 3]), auth)).status).toBe(
      400,
    );
    expect(
      (await post(`${collector.url}/ingest/v1/web/i`, batchBytes, { ...auth, 'content-encoding': 'gzip' }))
        .status,
    ).toBe(400);
    expect((await post(`${collector.url}/ingest/v1/web/start`, '{}')).status).toBe(400);
    expect((await fetch(`${collector.url}/ingest/v1/web/tags`)).status).toBe(200);
  });
});

describe('dashboard and restarts', () => {
  it('renders the dashboard page with its sections', async () => {
    const html = await (await fetch(`${collector.url}/__usermetrics`)).text();
    expect(html).toContain('Web vitals by route');
    expect(html).toContain('/checkout');
    const summary = await getJson<{ totals: Record<string, number> }>(
      `${collector.url}/__usermetrics/api/summary`,
    );
    expect(summary.totals.vitals).toBeGreaterThan(0);
  });

  it('reloads everything after a restart on the same data folder', async () => {
    // Flush the running collector's files, as Ctrl-C does, then start a second one on the same folder.
    await collector.store.close();
    const reloaded = await startCollector({
      port: 0,
      dataDir,
      appDir,
      apiRoutes,
      routes: ROUTES,
      quiet: true,
    });
    try {
      expect(reloaded.store.total('vitals')).toBeGreaterThan(0);
      expect(reloaded.store.total('vitals')).toBe(collector.store.total('vitals'));
      expect(reloaded.store.total('errors')).toBe(collector.store.total('errors'));
      expect(reloaded.store.total('replay')).toBe(collector.store.total('replay'));
    } finally {
      await reloaded.close();
    }
  });
});

describe('port already in use', () => {
  it('rejects with PortInUseError', async () => {
    await expect(
      startCollector({ port: collector.port, dataDir, appDir, quiet: true }),
    ).rejects.toBeInstanceOf(PortInUseError);
  });

  it('makes the CLI print a clear message and exit with code 2', async () => {
    const bin = await bundleBin();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [bin, 'dev', '--port', String(collector.port), '--data-dir', dataDir],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
      });
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`Port ${collector.port} is already in use`);
  });
});

describe('a bad --handlers module', () => {
  it('makes the CLI say what is wrong and exit with code 3, before listening', async () => {
    const bin = await bundleBin();
    const routes = join(dataDir, 'bad.routes.mjs');
    await writeFile(routes, `export default { 'GET /api/x': 'not a function' };`);
    const run = (file: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [bin, '--port', '0', '--data-dir', dataDir, '--handlers', file],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let err = '';
        child.stderr.on('data', (d) => {
          err += d;
        });
        child.on('close', (c) => resolve({ code: c, stderr: err }));
      });
    const bad = await run(routes);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('"GET /api/x": the value must be a handler function');
    const missing = await run(join(dataDir, 'missing.mjs'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/missing\.mjs does not exist/);
  });
});

// The CLI as users run it, compiled from source so the test never runs a stale dist.
async function bundleBin(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(import.meta.dirname, '..', 'node_modules', '.cache', 'bin-test.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'src', 'bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  expect(existsSync(outfile)).toBe(true);
  return outfile;
}
