import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorBody, sendJson } from './http-utils';

/** Forwards what the collector does not answer itself to the user's dev server. */
export interface Proxy {
  /** The dev server's origin (`http://localhost:5173`). */
  target: string;
  /** Forwards one HTTP request and streams the answer back. */
  web(req: IncomingMessage, res: ServerResponse): void;
  /** Forwards a WebSocket upgrade (Vite's HMR socket) as a raw TCP tunnel. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded on plain requests.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
];

/**
 * A small reverse proxy for a local dev server. The browser only ever talks to the collector's origin, so the
 * app, its API calls, the ingestion endpoints and the dashboard share one origin (no CORS to configure), while
 * Vite keeps serving modules and pushing HMR updates through the tunnelled websocket.
 */
export function createProxy(target: string): Proxy {
  const url = new URL(target);
  const port = Number(url.port || 80);
  const host = url.hostname;

  const unreachable = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) return void res.destroy();
    sendJson(
      res,
      502,
      errorBody(
        'proxy_unreachable',
        `usermetrics-dev could not reach your dev server at ${target} (${String(error)}). Is it running?`,
      ),
    );
  };

  return {
    target: url.origin,
    web(req, res) {
      const headers = { ...req.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      headers['x-forwarded-host'] = req.headers.host ?? '';
      headers['x-forwarded-proto'] = 'http';
      const upstream = httpRequest({ host, port, method: req.method, path: req.url, headers }, (answer) => {
        const out = { ...answer.headers };
        for (const h of HOP_BY_HOP) delete out[h];
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      });
      upstream.on('error', (error) => unreachable(res, error));
      req.pipe(upstream);
    },
    upgrade(req, socket, head) {
      const upstream: Socket = connect(port, host, () => {
        const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      const close = () => {
        upstream.destroy();
        socket.destroy();
      };
      upstream.on('error', close);
      socket.on('error', close);
      upstream.on('close', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
    },
  };
}
