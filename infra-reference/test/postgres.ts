// A real PostgreSQL server for the SQL tests: Debian's postgresql (initdb + pg_ctl) in a temp dir, on a free
// 127.0.0.1 port, run as user postgres when the tests run as root. scripts/ensure-system-deps.mjs installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pgBinDir(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin/initdb'))) return join(base, v, 'bin');
  }
  throw new Error(
    'PostgreSQL server binaries not found: apt-get install postgresql (scripts/ensure-system-deps.mjs does)',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Pg {
  port: number;
  socketDir: string;
  /** psql as the admin (superuser) over the socket; returns stdout, throws with stderr on failure. */
  admin(sql: string, extra?: string[]): string;
  /** Run a SQL file as the admin with psql -v ON_ERROR_STOP=1 and extra -v variables. */
  adminFile(file: string, vars?: Record<string, string>): { status: number; stdout: string; stderr: string };
  /** psql as `user` with `password` over TCP (scram): { status, stdout, stderr }. */
  as(user: string, password: string, sql: string): { status: number; stdout: string; stderr: string };
  stop(): void;
}

export async function startPostgres(): Promise<Pg> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'um-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const [c, a] = wrap(cmd, args);
    execFileSync(c, a, { stdio: 'pipe' });
  };
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
  ]);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  const psql = join(bin, 'psql');
  const adminArgs = ['-X', '-q', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'app'];
  execFileSync(psql, [
    '-X',
    '-q',
    '-h',
    dir,
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-c',
    'CREATE DATABASE app',
  ]);
  return {
    port,
    socketDir: dir,
    admin(sql, extra = []) {
      return execFileSync(psql, [...adminArgs, '-v', 'ON_ERROR_STOP=1', '-At', ...extra, '-c', sql], {
        encoding: 'utf8',
      });
    },
    adminFile(file, vars = {}) {
      const v = Object.entries(vars).flatMap(([k, val]) => ['-v', `${k}=${val}`]);
      const r = spawnSync(psql, [...adminArgs, '-v', 'ON_ERROR_STOP=1', ...v, '-f', file], {
        encoding: 'utf8',
      });
      return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    as(user, password, sql) {
      const r = spawnSync(
        psql,
        [
          '-X',
          '-q',
          '-At',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          user,
          '-d',
          'app',
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          sql,
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, PGPASSWORD: password },
        },
      );
      return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
