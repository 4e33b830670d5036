#!/usr/bin/env node
// `npm run demo`: builds what the demo needs (the packages, the example API, the example app's Vite build and
// @usermetrics/dev — turbo skips what is already up to date), then runs the local collector the way a user
// runs it next to their own app:
//
//   usermetrics-dev --app examples/web/dist --handlers examples/api/usermetrics.routes.mjs \
//     --routes <examples/web/routes.json> --data-dir .demo-data
//
// which serves the app, runs the Lambda handlers locally and shows everything live. Runs until Ctrl-C.
//
//   npm run demo -- --port 5000        (or PORT=5000 npm run demo)
//   npm run demo -- --no-build         (skip the build step)
//   other flags are passed to usermetrics-dev (--data-dir, --quiet, --host, --open)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const devArgs = args.filter((a) => a !== '--no-build');
const bin = join(root, 'packages', 'dev', 'dist', 'bin.js');

if (!existsSync(join(root, 'node_modules', '.bin', 'turbo'))) {
  console.error('Dependencies are not installed. Run `npm install` first, then `npm run demo`.');
  process.exit(1);
}

if (!skipBuild || !existsSync(bin)) {
  console.log(
    '▶ Building the packages, the example API, the example app and the collector (first run: a minute or two)…',
  );
  const started = Date.now();
  const build = spawnSync(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--filter=@usermetrics/dev...',
      '--filter=@usermetrics/example-api...',
      '--filter=@usermetrics/example-web...',
      '--output-logs=errors-only',
    ],
    // turbo's anonymous telemetry (and its notice) stays off: the demo of a privacy-first SDK does not phone home.
    { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  if (build.status !== 0) {
    console.error('✖ The build failed; see the errors above.');
    process.exit(build.status ?? 1);
  }
  console.log(`✔ Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The collector gets Ctrl-C itself (same process group) and exits cleanly; this script only waits for it.
const routes = JSON.parse(readFileSync(join(root, 'examples', 'web', 'routes.json'), 'utf8'));
const demoArgs = [
  '--app',
  join('examples', 'web', 'dist'),
  '--handlers',
  join('examples', 'api', 'usermetrics.routes.mjs'),
  '--routes',
  routes.join(','),
  '--data-dir',
  '.demo-data',
];
// The user's own flags come last, so they win (`--data-dir`, `--port`).
const child = spawn(process.execPath, [bin, ...demoArgs, ...devArgs], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
