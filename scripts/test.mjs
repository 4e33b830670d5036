#!/usr/bin/env node
// `npm test`: everything CI checks, in the order a failure is cheapest to read. Works on a fresh clone: it
// installs npm dependencies and the system packages the browser tests need when they are missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

process.env.AWS_EMF_ENVIRONMENT ??= 'Local';
// A privacy-first project does not phone home from its own test command: turbo's anonymous telemetry (and its
// notice) stays off.
process.env.TURBO_TELEMETRY_DISABLED ??= '1';

function run(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
}

// Like run(), but tees the output to count vitest's "Tests  N passed" / "N failed" lines of every package, so the
// run ends on one plain total line.
async function runCounting(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
  let text = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    text += chunk.toString();
  });
  const status = await new Promise((resolve) => child.on('close', resolve));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const totals = { passed: 0, failed: 0, skipped: 0 };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const m = /\bTests\s+(.*\d+ (?:passed|failed|skipped).*)$/.exec(line);
    if (!m) continue;
    for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
  }
  if (status !== 0) {
    console.error(`\n✖ ${title} failed (${secs}s)`);
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
  return totals;
}

if (!existsSync('node_modules/.bin/turbo')) run('install npm dependencies', 'npm', ['install']);
ensureSystemDeps();
run('lint and format (biome)', 'npx', ['biome', 'check', '.']);
run('product code apart from test code (src/)', 'node', ['scripts/check-src-apart.mjs']);
run('every "DESIGN §n" resolves into docs/design.md', 'node', ['scripts/check-design-refs.mjs']);
run('build', 'npx', ['turbo', 'run', 'build']);
run('typecheck', 'npx', ['turbo', 'run', 'typecheck']);
const totals = await runCounting('unit, integration and browser tests with coverage', 'npx', [
  'turbo',
  'run',
  'test',
  '--concurrency=1',
]);
run('package checks (publint, attw)', 'npx', ['turbo', 'run', 'check:package']);
run('docs: snippets type-check, options tables match the TSDoc', 'npm', ['run', 'check:docs']);
run('API reference (TypeDoc, every export documented)', 'npm', ['run', 'docs']);
run('tarballs (npm publish --dry-run, contents)', 'npm', ['run', 'check:tarballs']);
run('tarballs installed into an empty project, imported from ESM and CJS', 'npm', ['run', 'check:install']);
run('new user: Vite app + Lambda project from the README, in Chromium', 'npm', ['run', 'check:new-user']);
run('size budgets (size-limit)', 'npx', ['size-limit']);
console.log('\nAll checks passed.');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
