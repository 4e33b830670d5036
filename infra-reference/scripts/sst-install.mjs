#!/usr/bin/env node
// Idempotent `sst install`: writes .sst/platform (SST's component sources, its config.d.ts and the Pulumi providers
// of sst.config.ts) unless it is already there for this sst version and this provider list. Offline apart from the
// npm registry. The typecheck and the synth both need it; CI runs it once on a fresh machine (≈1–2 min).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const platformDir = join(root, '.sst', 'platform');

function fingerprint() {
  const config = readFileSync(join(root, 'sst.config.ts'), 'utf8');
  // The whole `app()` (where `providers` is): a regex up to the first `}` stopped inside the aws provider's
  // `defaultTags`, so adding a provider after it did not re-install.
  const providers = config.slice(config.indexOf('async app('), config.indexOf('async run('));
  return createHash('sha256')
    .update(JSON.stringify([sstVersionOf(), providers]))
    .digest('hex')
    .slice(0, 16);
}

function sstVersionOf() {
  for (const dir of [join(root, 'node_modules/sst'), join(root, '../node_modules/sst')]) {
    if (existsSync(join(dir, 'package.json')))
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  }
  throw new Error('sst is not installed: run npm install first');
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureSstPlatform() {
  const stamp = join(platformDir, '.usermetrics-install');
  const want = fingerprint();
  const ready = () =>
    existsSync(join(platformDir, 'config.d.ts')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want;
  if (ready()) return;
  // typecheck and test may start together on a fresh clone (turbo): one installs, the other waits for it.
  mkdirSync(join(root, '.sst'), { recursive: true });
  const lock = join(root, '.sst', 'install.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (ready()) return;
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleep(2000);
    }
  }
  try {
    if (!ready()) install(want, stamp);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function install(want, stamp) {
  console.log('sst install (writes .sst/platform; about a minute) …');
  const r = spawnSync('npx', ['sst', 'install', '--stage', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SST_TELEMETRY_DISABLED: '1', SST_SKIP_DEPENDENCY_CHECK: '1', SST_NO_BUN: '1' },
  });
  if (r.status !== 0 || !existsSync(join(platformDir, 'config.d.ts'))) {
    console.error('sst install failed');
    process.exit(r.status || 1);
  }
  writeFileSync(stamp, want);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSstPlatform();
