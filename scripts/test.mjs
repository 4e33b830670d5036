#!/usr/bin/env node
// `npm test`: everything CI checks, in the order a failure is cheapest to read. Works on a fresh clone: it
// installs npm dependencies and the system packages the browser tests need when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

process.env.AWS_EMF_ENVIRONMENT ??= 'Local';

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

if (!existsSync('node_modules/.bin/turbo')) run('install npm dependencies', 'npm', ['install']);
ensureSystemDeps();
run('lint and format (biome)', 'npx', ['biome', 'check', '.']);
run('build', 'npx', ['turbo', 'run', 'build']);
run('typecheck', 'npx', ['turbo', 'run', 'typecheck']);
run('unit, integration and browser tests with coverage', 'npx', ['turbo', 'run', 'test', '--concurrency=1']);
run('package checks (publint, attw)', 'npx', ['turbo', 'run', 'check:package']);
run('docs: snippets type-check, options tables match the TSDoc', 'npm', ['run', 'check:docs']);
run('API reference (TypeDoc, every export documented)', 'npm', ['run', 'docs']);
run('tarballs (npm publish --dry-run, contents)', 'npm', ['run', 'check:tarballs']);
run('size budgets (size-limit)', 'npx', ['size-limit']);
console.log('\nAll checks passed.');
