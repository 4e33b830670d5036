#!/usr/bin/env node
// Installs the system packages the tests drive for real (Chromium for browser end-to-end tests, PostgreSQL for the
// infra-reference SQL tests) when they are
// missing. Debian/Ubuntu with apt-get and root (as on CI) install them; elsewhere we say what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromiumPath } from '../packages/test-support/chromium.mjs';

// A PostgreSQL server (initdb + pg_ctl) for infra-reference's SQL tests: Debian puts it under /usr/lib/postgresql/<v>.
function hasPostgresServer() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
}

const wanted = [
  { present: () => existsSync(chromiumPath()), apt: 'chromium' },
  { present: hasPostgresServer, apt: 'postgresql' },
];

export function ensureSystemDeps() {
  const missing = wanted.filter((w) => !w.present());
  if (missing.length === 0) return;
  const names = missing.map((m) => m.apt);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `Missing system packages: ${names.join(', ')}. Install them (e.g. sudo apt-get install -y ${names.join(' ')}) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log(`Installing system packages: ${names.join(', ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps();
