#!/usr/bin/env node
// Installs the system packages the tests drive for real (Chromium for browser end-to-end tests) when they are
// missing. Debian/Ubuntu with apt-get and root (as on CI) install them; elsewhere we say what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../packages/test-support/chromium.mjs';

const wanted = [{ bin: chromiumPath(), apt: 'chromium' }];

export function ensureSystemDeps() {
  const missing = wanted.filter((w) => !existsSync(w.bin));
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
