import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { DASHBOARD_PATH, handleDashboard, renderReplayPage } from '../dashboard/dashboard-routes';
import { createStdoutCapture } from '../lambda/stdout-capture';
import type { LambdaHandler } from '../lambda/types';
import { handleOpenReplay } from '../openreplay/openreplay-routes';
import { type ApiRoute, matchApiRoute } from '../routes/api-route';
import { createStore, type Store } from '../store/create-store';
import { createPrinter } from '../terminal/create-printer';
import { handleUmamiSend } from '../umami/umami-route';
import type { CollectorContext } from './collector-context';
import { createProxy } from './create-proxy';
import { errorBody, methodNotAllowed, preflight, sendJson } from './http-utils';
import { recordErrorReport, recordRejected, recordWebVitals } from './ingestion-records';
import { type LambdaExchange, type LambdaRoute, runWithBody } from './run-lambda-route';
import { serveStatic } from './serve-static';

/**
 * Path prefix under which the ingestion API and the Umami stand-in are also mounted, so an app can point its
 * tracker's `endpoint` and Umami `hostUrl` at `<origin>/telemetry` (what the example app does).
 */
export const TELEMETRY_PREFIX = '/telemetry';

/** Options of {@link startCollector}. */
export interface CollectorOptions {
  /** 0 picks a free port. @default 4000 */
  port?: number;
  /** @default '127.0.0.1' (loopback only) */
  host?: string;
  /** Where received data is written as JSONL and reloaded from. @default '.usermetrics-dev' (cwd-relative) */
  dataDir?: string;
  /** A built app to serve, with SPA fallback to `index.html`. Not together with `proxy`. */
  appDir?: string;
  /**
   * A running dev server (`http://localhost:5173`) that every request the collector does not answer itself is
   * forwarded to, WebSocket upgrades (Vite's HMR) included. Not together with `appDir`.
   */
  proxy?: string;
  /** Lambda handlers mounted on `METHOD path` (see {@link loadRoutesModule}). @default none */
  apiRoutes?: readonly ApiRoute[];
  /** Route patterns the ingestion handlers accept as the `route` dimension; others become `other`. @default none */
  routes?: readonly string[];
  /** The `environment` metric dimension. @default 'local' */
  environment?: string;
  /** Print only the start-up lines. @default false */
  quiet?: boolean;
  /** Where terminal lines go. @default process.stdout */
  write?: (line: string) => void;
  /** ANSI colours. @default process.stdout.isTTY */
  color?: boolean;
}

/** A running collector. */
export interface Collector {
  /** `http://127.0.0.1:<port>`: the app, the dashboard (`/__usermetrics`) and the ingestion API. */
  url: string;
  /** The port it listens on (useful with `port: 0`). */
  port: number;
  /** The absolute folder received data is kept in. */
  dataDir: string;
  /** @internal What was received, for tests. */
  store: Store;
  /** Stops listening, closes connections and flushes the data files. */
  close(): Promise<void>;
}

/** Thrown by {@link startCollector} when the port is taken. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use. Stop whatever runs there, or pick another port with --port <n> or PORT=<n>.`,
    );
  }
}

const INGESTION_TIMEOUT_MS = 3000;

/** Starts `usermetrics-dev`: one HTTP server for the app, the handlers, the stand-ins and the dashboard. */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  // aws-embedded-metrics must write EMF to stdout (as it does on Lambda) instead of probing the EC2 metadata
  // address and falling back to an agent socket, where custom metrics silently vanished. It reads this when
  // first imported, so the handler packages are imported only after it is set.
  process.env.AWS_EMF_ENVIRONMENT ??= 'Local';
  const { createErrorReportHandler, createWebVitalsHandler } = await import('@usermetrics/node');
  if (options.appDir !== undefined && options.proxy !== undefined) {
    throw new TypeError('startCollector: pass either appDir or proxy, not both');
  }
  const printer = createPrinter({
    ...(options.write !== undefined ? { write: options.write } : {}),
    ...(options.color !== undefined ? { color: options.color } : {}),
    quiet: options.quiet ?? false,
  });
  const store = createStore({
    dataDir: resolve(options.dataDir ?? '.usermetrics-dev'),
    onWriteError: (error) =>
      printer.info(`usermetrics-dev: cannot write data files (${String(error)}); keeping data in memory`),
  });
  await store.load();
  const appDir = options.appDir !== undefined ? resolve(options.appDir) : undefined;
  // Where @usermetrics/vite put the served app's hidden source maps (`<outDir>/../.usermetrics/sourcemaps`).
  const mapsDir = appDir !== undefined ? resolve(appDir, '..', '.usermetrics', 'sourcemaps') : undefined;
  const proxy = options.proxy !== undefined ? createProxy(options.proxy) : undefined;
  const routes = options.routes ?? [];
  const capture = createStdoutCapture();
  const ctx: CollectorContext = { store, printer, capture, origins: [] };

  let ingestion: {
    path: string;
    route: Omit<LambdaRoute, 'routeKey'>;
    after: (ex: LambdaExchange) => void;
  }[] = [];
  const apiRoutes = options.apiRoutes ?? [];

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));

    if (path.startsWith(DASHBOARD_PATH)) {
      if (handleDashboard(ctx, path, query, res)) return;
    }
    // The same endpoints are also served under /telemetry (what the example app uses; see TELEMETRY_PREFIX).
    const telemetryPath = path.startsWith(`${TELEMETRY_PREFIX}/`)
      ? path.slice(TELEMETRY_PREFIX.length)
      : path;
    const ingest = ingestion.find((i) => i.path === telemetryPath);
    if (ingest !== undefined) {
      const exchange = await runWithBody(ctx, { ...ingest.route, routeKey: `${method} ${path}` }, req, res);
      if (exchange !== undefined && method === 'POST') ingest.after(exchange);
      else if (exchange !== undefined) recordRejected(ctx, exchange);
      return;
    }
    if (telemetryPath === '/api/send') {
      if (method === 'OPTIONS') return preflight(ctx, req, res, 'POST, OPTIONS');
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      return handleUmamiSend(ctx, req, res);
    }
    if (path.startsWith('/ingest/')) {
      if (method === 'OPTIONS') return preflight(ctx, req, res, 'GET, POST, OPTIONS');
      return handleOpenReplay(ctx, req, res, path.slice('/ingest'.length));
    }
    for (const api of apiRoutes) {
      const pathParameters = matchApiRoute(api, method, path);
      if (pathParameters === undefined) continue;
      const route = { ...api, routeKey: `${api.method} ${api.path}`, pathParameters };
      await runWithBody(ctx, route, req, res);
      return;
    }
    const replay = /^\/\d+\/session\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (replay !== null && method === 'GET') return renderReplayPage(ctx, replay[1] as string, res);
    if (proxy !== undefined) return proxy.web(req, res);
    if (path.startsWith('/api/')) {
      req.resume();
      return sendJson(res, 404, { message: 'Not Found' });
    }
    if (appDir === undefined) {
      req.resume();
      if (path !== '/') return sendJson(res, 404, { message: 'Not Found' });
      res.writeHead(302, { location: DASHBOARD_PATH }).end();
      return;
    }
    if (method === 'GET' || method === 'HEAD') return serveStatic(appDir, path, res, method === 'HEAD');
    req.resume();
    return methodNotAllowed(res, 'GET, HEAD');
  };

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      printer.info(`usermetrics-dev: internal error on ${req.method} ${req.url}: ${String(error)}`);
      sendJson(res, 500, errorBody('internal', 'The collector failed on this request; it keeps running.'));
    });
  });
  // WebSocket upgrades (Vite's HMR socket) go to the dev server; without one there is nothing to upgrade to.
  // Tunnels are no longer HTTP connections, so closeAllConnections() misses them: close() ends them itself.
  const tunnels = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    if (proxy === undefined) return void socket.destroy();
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    proxy.upgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  const port = await listen(server, options.port ?? 4000, options.host ?? '127.0.0.1');
  ctx.origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  // An app opened on its own dev server (not through the collector) may still send to the collector.
  if (proxy !== undefined) ctx.origins.push(...sameHostOrigins(proxy.target));
  const environment = options.environment ?? 'local';
  const common = { allowedOrigins: ctx.origins, environment, routes: [...routes], stdout: capture.writer };
  ingestion = [
    {
      path: '/metrics/web-vitals',
      route: {
        functionName: 'usermetrics-web-vitals',
        timeoutMs: INGESTION_TIMEOUT_MS,
        handler: createWebVitalsHandler({
          ...common,
          functionName: 'usermetrics-web-vitals',
        }) as LambdaHandler,
      },
      after: (ex) => recordWebVitals(ctx, ex, routes),
    },
    {
      path: '/errors/report',
      route: {
        functionName: 'usermetrics-errors',
        timeoutMs: INGESTION_TIMEOUT_MS,
        handler: createErrorReportHandler({
          ...common,
          functionName: 'usermetrics-errors',
          // Where @usermetrics/vite put the app's hidden source maps: stacks are logged with original frames.
          ...(mapsDir !== undefined && existsSync(mapsDir) ? { sourceMaps: { directory: mapsDir } } : {}),
        }) as LambdaHandler,
      },
      after: (ex) => recordErrorReport(ctx, ex),
    },
  ];

  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    dataDir: store.dataDir,
    store,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
      }).then(async () => {
        await store.close();
        capture.release();
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/** `http://localhost:5173` and `http://127.0.0.1:5173`: one dev server, reached by either name. */
function sameHostOrigins(origin: string): string[] {
  const url = new URL(origin);
  const names = ['localhost', '127.0.0.1'].includes(url.hostname)
    ? ['localhost', '127.0.0.1']
    : [url.hostname];
  return names.map((name) => `${url.protocol}//${name}${url.port === '' ? '' : `:${url.port}`}`);
}
