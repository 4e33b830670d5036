#!/usr/bin/env node
// Release gate, the way a user meets the packages: `npm pack` every published package, install the tarballs
// into an empty project (with the peers a user adds: react, @middy/core), then import each package from an ES
// module and require it from CommonJS, and use it (wrap and invoke a Lambda handler, redact, create a tracker
// under Node), and run `npx usermetrics-dev` against a tiny Vite app in Chromium (check-install-dev.mjs). Run
// after `npm run build`. Needs the npm registry (or its cache) for the third-party dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDevCollector } from './check-install-dev.mjs';
import { packPackages, installedSpec as peer } from './pack-packages.mjs';

const work = mkdtempSync(join(tmpdir(), 'usermetrics-install-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

// Each package uses what it exports; the checks are the same from ESM and CJS.
const use = `
const results = {};
results.core = core.redact({ password: 'x', note: 'mail jane@example.com' });
results.id = core.createId();
const handler = node.withUsermetrics(async (event) => ({ statusCode: 200, body: String(event.n) }));
results.invoked = await handler({ n: 7 }, {
  awsRequestId: 'req-1', functionName: 'fn', getRemainingTimeInMillis: () => 3000,
});
results.middy = typeof middy.usermetrics();
results.tracker = typeof browser.createTracker({ endpoint: 'https://api.example.com' }).trackEvent;
results.react = typeof react.TrackingProvider;
if (results.core.password !== '[REDACTED]' || results.core.note.includes('jane@')) throw new Error('redaction');
if (!/^[0-9a-f-]{36}$/.test(results.id)) throw new Error('id ' + results.id);
if (results.invoked.body !== '7') throw new Error('handler result ' + JSON.stringify(results.invoked));
if (results.middy !== 'object' || results.tracker !== 'function' || results.react !== 'function') {
  throw new Error('exports ' + JSON.stringify(results));
}
`;

try {
  const packed = await packPackages(tarballs);
  const names = Object.keys(packed);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-app', private: true }));
  const files = Object.values(packed);
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      ...files,
      peer('react'),
      peer('@middy/core'),
      // the dev server of the tiny app that `npx usermetrics-dev --proxy` runs against (check-install-dev.mjs)
      peer('vite'),
    ],
    { cwd: app, stdio: 'inherit' },
  );
  writeFileSync(
    join(app, 'check.mjs'),
    `import * as core from '@usermetrics/core';
import * as node from '@usermetrics/node';
import * as middy from '@usermetrics/middy';
import * as browser from '@usermetrics/browser';
import * as react from '@usermetrics/react';
${use}`,
  );
  writeFileSync(
    join(app, 'check.cjs'),
    `const core = require('@usermetrics/core');
const node = require('@usermetrics/node');
const middy = require('@usermetrics/middy');
const browser = require('@usermetrics/browser');
const react = require('@usermetrics/react');
(async () => {${use}})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  // The EMF and log lines go to stdout; the checks report on stderr.
  const env = { ...process.env, AWS_EMF_ENVIRONMENT: 'Local', AWS_LAMBDA_FUNCTION_NAME: 'fn' };
  for (const file of ['check.mjs', 'check.cjs']) {
    const out = execFileSync('node', [file], {
      cwd: app,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!out.includes('"Invocations"')) throw new Error(`${file}: no EMF line with Invocations on stdout`);
    console.log(`✔ ${file}: ${names.join(', ')} installed from their tarballs, imported and used`);
  }
  await checkDevCollector(app);
} finally {
  rmSync(work, { recursive: true, force: true });
}
