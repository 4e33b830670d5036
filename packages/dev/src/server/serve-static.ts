import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { send } from './http-utils';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built example app from `root`. Paths without a file extension that match no file get
 * `index.html` (the SPA fallback, so `/checkout` reloads work); paths outside `root` are refused.
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, 'Bad path', { 'content-type': 'text/plain' });
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return send(res, 403, 'Forbidden', { 'content-type': 'text/plain' });
  }
  const target = (await isFile(file)) ? file : extname(decoded) === '' ? join(root, 'index.html') : undefined;
  if (target === undefined || !(await isFile(target))) {
    const hint = target?.endsWith('index.html')
      ? `The example app is not built (${target} is missing). Run \`npm run demo\`, which builds it.`
      : 'Not found';
    return send(res, 404, hint, { 'content-type': 'text/plain; charset=utf-8' });
  }
  const isIndex = target.endsWith('index.html');
  const headers = {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
  if (headOnly) return send(res, 200, '', headers);
  res.writeHead(200, headers);
  const stream = createReadStream(target);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
