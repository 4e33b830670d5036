/** What `usermetrics-dev` was asked to do. */
export interface DevArgs {
  command: 'dev' | 'help';
  port: number;
  host: string;
  dataDir: string;
  /** A running dev server to proxy the app from (`http://localhost:5173`). */
  proxy?: string;
  /** A built app folder to serve (`dist`). */
  appDir?: string;
  /** A module exporting `{ 'GET /api/hello': handler, … }`. */
  handlers?: string;
  /** Route patterns the ingestion handlers accept as the `route` dimension. */
  routes: string[];
  open: boolean;
  quiet: boolean;
}

/** Thrown for arguments that make no sense; the message is for the user. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Where received data is kept unless `--data-dir` says otherwise (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.usermetrics-dev';

export const USAGE = `Usage: usermetrics-dev [options]

Runs the usermetrics ingestion API, Umami and OpenReplay stand-ins, your Lambda handlers and a live
dashboard on one local port, next to your app.

  --proxy <url>      proxy your app from its dev server, HMR websocket included (e.g. http://localhost:5173)
  --app <dir>        or serve a built app from a folder (e.g. dist), with SPA fallback to index.html
  --handlers <file>  a routes module exporting { 'GET /api/hello': handler, … }, run as Lambda functions
                     behind API Gateway v2 events (a value may also be { handler, timeoutMs, functionName })
  --routes <list>    route patterns the ingestion handlers accept, comma-separated (/,/users/:id);
                     any other route is reported as "other", as in production
  --port <n>         port to listen on (default: $PORT or 4000; 0 picks a free one)
  --host <addr>      address to bind (default 127.0.0.1)
  --data-dir <dir>   where received data is kept as JSONL and reloaded from (default ${DEFAULT_DATA_DIR})
  --open             open the dashboard in your browser
  --quiet            print only the start-up lines

Exit codes: 0 stopped with Ctrl-C, 1 unexpected failure, 2 bad arguments or port in use,
3 the --handlers module cannot be loaded or is malformed.`;

/** Parses `--port 4000 --proxy http://localhost:5173 …`; `PORT` from the environment is the default port. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): DevArgs {
  // `usermetrics-dev dev …` (the collector's first spelling) still works.
  const rest = argv[0] === 'dev' ? argv.slice(1) : [...argv];
  const args: DevArgs = {
    command: 'dev',
    port: env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT, 'PORT') : 4000,
    host: '127.0.0.1',
    dataDir: DEFAULT_DATA_DIR,
    routes: [],
    open: false,
    quiet: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.includes('=')
      ? (arg.split(/=(.*)/s, 2) as [string, string])
      : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--port':
        args.port = parsePort(value(), '--port');
        break;
      case '--host':
        args.host = value();
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--app':
      case '--app-dir':
        args.appDir = value();
        break;
      case '--proxy':
        args.proxy = parseProxy(value());
        break;
      case '--handlers':
        args.handlers = value();
        break;
      case '--routes':
        args.routes = value()
          .split(',')
          .map((r) => r.trim())
          .filter((r) => r !== '');
        break;
      case '--open':
        args.open = true;
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--help':
      case '-h':
        return { ...args, command: 'help' };
      default:
        throw new UsageError(`Unknown option "${arg}".\n\n${USAGE}`);
    }
  }
  if (args.proxy !== undefined && args.appDir !== undefined) {
    throw new UsageError('Use either --proxy (a running dev server) or --app (a built folder), not both.');
  }
  return args;
}

function parsePort(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new UsageError(`${name} must be a port number (0–65535), got "${value}".`);
  return n;
}

function parseProxy(value: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new UsageError(`--proxy must be a URL such as http://localhost:5173, got "${value}".`);
  }
  if (url.protocol !== 'http:') {
    throw new UsageError(`--proxy must be an http:// URL (your local dev server), got "${value}".`);
  }
  return url.origin;
}
