import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { ExampleRoute } from '@usermetrics/example-api';
import { DASHBOARD_PATH, handleDashboard, renderReplayPage } from '../dashboard/dashboard-routes';
import { createStdoutCapture } from '../lambda/stdout-capture';
import type { LambdaHandler } from '../lambda/types';
import { handleOpenReplay } from '../openreplay/openreplay-routes';
import { createStore, type Store } from '../store/create-store';
import { createPrinter } from '../terminal/create-printer';
import { handleUmamiSend } from '../umami/umami-route';
import type { CollectorContext } from './collector-context';
import { errorBody, methodNotAllowed, preflight, sendJson } from './http-utils';
import { recordErrorReport, recordRejected, recordWebVitals } from './ingestion-records';
import { type LambdaExchange, type LambdaRoute, runWithBody } from './run-lambda-route';
import { serveStatic } from './serve-static';

/**
 * Route patterns of the example app (mirrors examples/web/src/routes.ts): the ingestion handler accepts
 * only these as the `route` dimension, as a production deployment would be configured.
 */
export const DEMO_ROUTES = ['/', '/checkout', '/slow', '/users/:id'] as const;

/**
 * Path prefix under which the ingestion API and the Umami stand-in are also mounted. The example app points
 * its tracker there rather than at the bare origin because @usermetrics/browser skips global errors whose
 * stack mentions its endpoint or Umami URL (to avoid reporting its own failed requests): with the bare
 * same-origin URL, every stack frame of the app matches and no unhandled error would ever be reported.
 */
export const TELEMETRY_PREFIX = '/telemetry';

/** Options of {@link startCollector}. */
export interface CollectorOptions {
  /** 0 picks a free port. @default 4000 */
  port?: number;
  /** @default '127.0.0.1' (loopback only) */
  host?: string;
  /** Where received data is written as JSONL and reloaded from. @default '.demo-data' (cwd-relative) */
  dataDir?: string;
  /** The built example app. @default the `dist` folder of @usermetrics/example-web */
  appDir?: string;
  /** Lambda handlers mounted on `METHOD path`. @default the routes of @usermetrics/example-api */
  apiRoutes?: readonly ExampleRoute[];
  /** Route patterns accepted by the ingestion handlers. @default DEMO_ROUTES */
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
  url: string;
  port: number;
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

/** Starts `usermetrics dev`: one HTTP server for the app, the handlers, the stand-ins and the dashboard. */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  // aws-embedded-metrics must write EMF to stdout (as it does on Lambda) instead of probing the EC2 metadata
  // address and falling back to an agent socket, where custom metrics silently vanished. It reads this when
  // first imported, so the handler packages are imported only after it is set.
  process.env.AWS_EMF_ENVIRONMENT ??= 'Local';
  const { createErrorReportHandler, createWebVitalsHandler } = await import('@usermetrics/node');
  const exampleRoutes = options.apiRoutes ?? (await import('@usermetrics/example-api')).exampleRoutes;
  const printer = createPrinter({
    ...(options.write !== undefined ? { write: options.write } : {}),
    ...(options.color !== undefined ? { color: options.color } : {}),
    quiet: options.quiet ?? false,
  });
  const store = createStore({
    dataDir: resolve(options.dataDir ?? '.demo-data'),
    onWriteError: (error) =>
      printer.info(`usermetrics dev: cannot write data files (${String(error)}); keeping data in memory`),
  });
  await store.load();
  const appDir = resolve(options.appDir ?? defaultAppDir());
  const mapsDir = resolve(appDir, '..', '.usermetrics', 'sourcemaps');
  const routes = options.routes ?? DEMO_ROUTES;
  const capture = createStdoutCapture();
  const ctx: CollectorContext = { store, printer, capture, origins: [] };

  let ingestion: {
    path: string;
    route: Omit<LambdaRoute, 'routeKey'>;
    after: (ex: LambdaExchange) => void;
  }[] = [];
  const apiRoutes = exampleRoutes.map((r) => ({
    key: `${r.method} ${r.path}`,
    route: {
      functionName: r.functionName,
      routeKey: `${r.method} ${r.path}`,
      timeoutMs: r.timeoutMs,
      handler: r.handler as LambdaHandler,
    },
  }));

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
    const api = apiRoutes.find((r) => r.key === `${method} ${path}`);
    if (api !== undefined) {
      await runWithBody(ctx, api.route, req, res);
      return;
    }
    if (path.startsWith('/api/')) {
      req.resume();
      return sendJson(res, 404, { message: 'Not Found' });
    }
    const replay = /^\/\d+\/session\/([A-Za-z0-9_-]{1,64})$/.exec(path);
    if (replay !== null && method === 'GET') return renderReplayPage(ctx, replay[1] as string, res);
    if (method === 'GET' || method === 'HEAD') return serveStatic(appDir, path, res, method === 'HEAD');
    req.resume();
    return methodNotAllowed(res, 'GET, HEAD');
  };

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      printer.info(`usermetrics dev: internal error on ${req.method} ${req.url}: ${String(error)}`);
      sendJson(res, 500, errorBody('internal', 'The collector failed on this request; it keeps running.'));
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  const port = await listen(server, options.port ?? 4000, options.host ?? '127.0.0.1');
  ctx.origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
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
          ...(existsSync(mapsDir) ? { sourceMaps: { directory: mapsDir } } : {}),
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
    store,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
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

function defaultAppDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@usermetrics/example-web/package.json')), 'dist');
}
