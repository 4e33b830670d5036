import { rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, startCollector } from '../src/server/create-collector';
import { makeDataDir, post, vital } from './helpers';

// A stand-in for a Vite dev server: answers every path with what it saw, and accepts a WebSocket upgrade
// (like Vite's HMR socket) by answering 101 and then echoing every byte back in upper case.
let devServer: Server;
let devUrl: string;
let collector: Collector;
let dataDir: string;
const seen: { method: string; url: string; host: string | undefined; body: string }[] = [];
const tunnels = new Set<import('node:stream').Duplex>();

beforeAll(async () => {
  devServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, body });
      res.writeHead(200, { 'content-type': 'text/html', 'x-dev-server': 'yes' });
      res.end(`<!doctype html><p>dev server page ${req.url}</p>`);
    });
  });
  devServer.on('upgrade', (req, socket) => {
    tunnels.add(socket);
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `X-Seen-Protocol: ${req.headers['sec-websocket-protocol']}\r\n\r\n`,
    );
    socket.on('data', (d) => socket.write(d.toString().toUpperCase()));
  });
  await new Promise<void>((r) => devServer.listen(0, '127.0.0.1', r));
  devUrl = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}`;
  dataDir = await makeDataDir();
  collector = await startCollector({
    port: 0,
    dataDir,
    quiet: true,
    proxy: devUrl,
    apiRoutes: [
      {
        method: 'GET',
        path: '/api/hello/{name}',
        functionName: 'hello',
        timeoutMs: 1000,
        handler: async (event) => ({ statusCode: 200, body: `hello ${event.pathParameters?.name}` }),
      },
    ],
  });
});

afterAll(async () => {
  await collector?.close();
  for (const socket of tunnels) socket.destroy();
  devServer?.closeAllConnections();
  await new Promise((r) => devServer?.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('--proxy: the app comes from a running dev server', () => {
  it('forwards the page and its modules, keeping method, path, query and body', async () => {
    const page = await fetch(`${collector.url}/src/main.tsx?t=1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-dev-server')).toBe('yes');
    expect(await page.text()).toContain('dev server page /src/main.tsx?t=1');
    const posted = await fetch(`${collector.url}/some/form`, { method: 'POST', body: 'a=1' });
    expect(posted.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/some/form', body: 'a=1' });
  });

  it('answers its own endpoints and the handlers itself, never the dev server', async () => {
    const before = seen.length;
    const hello = await fetch(`${collector.url}/api/hello/ada`);
    expect(await hello.text()).toBe('hello ada');
    const ingest = await post(
      `${collector.url}/metrics/web-vitals`,
      JSON.stringify({ sessionId: '0190a0b0-c0d0-7e00-8f00-000000000001', metrics: [vital('LCP', 900)] }),
      {
        'content-type': 'application/json',
        origin: devUrl,
      },
    );
    expect(ingest.status).toBe(200);
    expect((await fetch(`${collector.url}/__usermetrics/api/summary`)).status).toBe(200);
    expect(seen.length).toBe(before);
  });

  it('accepts ingestion from the dev server origin itself (an app opened on its own port)', async () => {
    const viaLocalhost = devUrl.replace('127.0.0.1', 'localhost');
    const answer = await fetch(`${collector.url}/metrics/web-vitals`, {
      method: 'OPTIONS',
      headers: { origin: viaLocalhost, 'access-control-request-method': 'POST' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe(viaLocalhost);
    // Positive control: an origin that is neither the collector's nor the dev server's is refused.
    const other = await fetch(`${collector.url}/metrics/web-vitals`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tunnels a WebSocket upgrade (Vite HMR) both ways', async () => {
    const { port } = new URL(collector.url);
    const reply = await new Promise<{ status: number; protocol: string; echoed: string }>(
      (resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port,
          path: '/?token=abc',
          headers: {
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
            'sec-websocket-protocol': 'vite-hmr',
          },
        });
        req.on('upgrade', (res, socket) => {
          socket.once('data', (d) => {
            resolve({
              status: res.statusCode ?? 0,
              protocol: String(res.headers['x-seen-protocol']),
              echoed: d.toString(),
            });
            socket.destroy();
          });
          socket.write('ping from the page');
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(reply).toEqual({ status: 101, protocol: 'vite-hmr', echoed: 'PING FROM THE PAGE' });
  });

  it('answers 502 with a reason when the dev server is not running', async () => {
    const down = await startCollector({ port: 0, dataDir, quiet: true, proxy: 'http://127.0.0.1:9' });
    try {
      const answer = await fetch(`${down.url}/`);
      expect(answer.status).toBe(502);
      expect(await answer.json()).toMatchObject({ error: { code: 'proxy_unreachable' } });
    } finally {
      await down.close();
    }
  });
});

describe('without --proxy or --app', () => {
  it('sends / to the dashboard and has no app to serve', async () => {
    const bare = await startCollector({ port: 0, dataDir, quiet: true });
    try {
      const root = await fetch(`${bare.url}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/__usermetrics');
      expect((await fetch(`${bare.url}/index.html`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
