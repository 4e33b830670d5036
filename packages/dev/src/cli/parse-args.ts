/** What `usermetrics dev` was asked to do. */
export interface DevArgs {
  command: 'dev' | 'help';
  port: number;
  host: string;
  dataDir: string;
  appDir?: string;
  quiet: boolean;
}

/** Thrown for arguments that make no sense; the message is for the user. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: usermetrics dev [--port <n>] [--host <addr>] [--data-dir <dir>] [--app-dir <dir>] [--quiet]

  --port      port to listen on (default: $PORT or 4000; 0 picks a free one)
  --host      address to bind (default 127.0.0.1)
  --data-dir  where received data is kept as JSONL and reloaded from (default .demo-data)
  --app-dir   the built web app to serve (default: the example app's dist folder)
  --quiet     print only the start-up lines`;

/** Parses `dev --port 4000 …`; `PORT` from the environment is the default port. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): DevArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', port: 0, host: '', dataDir: '', quiet: false };
  }
  if (command !== 'dev') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const args: DevArgs = {
    command: 'dev',
    port: env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT, 'PORT') : 4000,
    host: '127.0.0.1',
    dataDir: '.demo-data',
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
      case '--app-dir':
        args.appDir = value();
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
  return args;
}

function parsePort(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new UsageError(`${name} must be a port number (0–65535), got "${value}".`);
  return n;
}
