#!/usr/bin/env node
// The new user's first hour (#17), repeated on every CI run: the packages are packed, a fresh Vite React TS app
// (made by create-vite, as `npm create vite@latest` makes it) and a fresh Node ESM Lambda project get the
// README's own install lines and code blocks — the blocks of README.md marked `<!-- new-user-check: PATH -->` —
// install the tarballs, then build and type-check with the configs a new project has. The app then runs in
// Chromium against the README's ingestion handlers, served on their own origin behind an API Gateway v2
// stand-in, twice:
//   1. from an origin the handlers do not allow: every request is refused with 403, nothing is counted, and a
//      failed batch is not retried into a storm;
//   2. from the allowed origin: the one error thrown is counted once (its errorId reaches the boundary's
//      fallback), web vitals are counted, and every page view (hard loads, <Link> navigations, back/forward)
//      carries its route pattern.
// A README change that breaks a newcomer breaks this check. Run after `npm run build`; needs Chromium and the
// npm registry (or its cache) for the third-party packages, which are installed at the versions of this
// repository's lock. `--keep` keeps the temporary projects and prints where they are.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { installedSpec, packPackages, repoRoot } from './pack-packages.mjs';

const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------------------------------------------------------
// The check

async function main() {
  const started = Date.now();
  const keep = process.argv.includes('--keep');
  const work = mkdtempSync(join(tmpdir(), 'usermetrics-new-user-'));
  const step = (text) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s  ${text}`);
  const cleanups = [];
  try {
    const blocks = readmeBlocks();
    // Only what the README's install lines name, and core, which they depend on.
    const named = `${blocks['web/install']}\n${blocks['api/install']}`.match(/@usermetrics\/[a-z-]+/g) ?? [];
    const tarballs = await packPackages(mkdirP(join(work, 'tarballs')), ['@usermetrics/core', ...named]);
    step(`packed ${Object.keys(tarballs).join(', ')}`);

    // The servers come first: the app is built with the handlers' URL, and the handlers allow the app's origin.
    const app = join(work, 'web');
    const allowedSite = await serveStatic(join(app, 'dist'));
    const otherSite = await serveStatic(join(app, 'dist'));
    cleanups.push(allowedSite.close, otherSite.close);
    const api = join(work, 'api');
    const wrongAllowed = 'http://localhost:5173'; // the README's dev-port example, which the app is not on

    createViteApp(work, app, blocks);
    createLambdaProject(api, blocks);
    step('created the Vite app (create-vite react-ts) and the Lambda project from the README');
    addReadmeInstalls(app, blocks['web/install'], tarballs);
    addReadmeInstalls(api, blocks['api/install'], tarballs);
    await Promise.all([npm(app, ['install']), npm(api, ['install'])]);
    step('installed the tarballs and the README install lines');
    // The handlers' server starts first (it loads the built handlers on the first request), so both builds run
    // at once: the app is built with the handlers' URL.
    const handlers = await startHandlers(api, [allowedSite.origin, wrongAllowed].join(','));
    cleanups.push(handlers.close);
    await Promise.all([
      npm(api, ['run', 'build']).then(() => step('api: npm run build (tsc, strict Node ESM)')),
      npm(app, ['run', 'build'], {
        VITE_USERMETRICS_ENDPOINT: handlers.origin,
        VITE_UMAMI_WEBSITE_ID: '2a6fcd2e-6c37-4d0b-9a57-7b1a0f1c0a11',
        VITE_UMAMI_HOST_URL: handlers.origin,
      }),
    ]);
    step('web: npm run build (tsc -b with the create-vite tsconfigs, then vite build)');

    checkSampleInvocation(api);
    await checkRoutesModule(api);
    step('api: the README sample invocation prints what the README says');

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());

    // 1. The app on an origin the handlers do not allow.
    let mark = handlers.mark();
    // The page stays open longer than the transport's retries would take (3 retries, backoff up to 1+2+4 s).
    const refused = await visit(browser, otherSite.origin, ['throw', 'wait:8000']);
    await handlers.quiet(2000);
    const wrong = handlers.since(mark);
    checkRefused(wrong, refused);
    const statuses = wrong.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ');
    step(`disallowed origin: ${statuses}; ${wrong.emf.length} EMF documents`);

    // 2. The app on its allowed origin.
    mark = handlers.mark();
    const visited = await visit(browser, allowedSite.origin, [
      'link:User 7',
      'link:Home',
      'back',
      'forward',
      'goto:/users/7',
      'link:Home',
      'throw',
    ]);
    await handlers.quiet(3000);
    const right = handlers.since(mark);
    checkCounted(right, visited);
    step(
      `allowed origin: 1 error counted once (errorId ${visited.errorId}), ${right.pageViews.length} page views ` +
        `with their route pattern, ${right.vitals} web-vital samples`,
    );
    console.log(`✔ a new user's app and Lambda project, made from the README, work (${secs(started)}s)`);
  } finally {
    for (const close of cleanups.reverse()) await close();
    if (keep) console.log(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

const secs = (since) => ((Date.now() - since) / 1000).toFixed(1);

function mkdirP(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The code blocks of the READMEs (root and packages/*) marked `<!-- new-user-check: PATH -->`, by PATH. */
function readmeBlocks() {
  const files = [join(repoRoot, 'README.md')];
  for (const dir of readdirSync(join(repoRoot, 'packages')))
    files.push(join(repoRoot, 'packages', dir, 'README.md'));
  const blocks = {};
  for (const file of files.filter((f) => existsSync(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^<!-- new-user-check: (\S+) -->\s*\n```[a-z]*\n([\s\S]*?)^```/gm)) {
      blocks[m[1]] = m[2];
    }
  }
  const needed = [
    'web/install',
    'web/src/main.tsx',
    'api/install',
    'api/src/ingestion.ts',
    'api/src/orders.ts',
  ];
  needed.push('api/tsconfig.json', 'api/usermetrics.routes.mjs', 'api/invoke.mjs');
  const missing = needed.filter((path) => blocks[path] === undefined);
  if (missing.length > 0) throw new Error(`no README block is marked new-user-check: ${missing.join(', ')}`);
  return blocks;
}

/**
 * Adds the packages named by the README's `npm install` lines to a project's package.json, so one
 * `npm install` installs them: our packages from their tarballs (with @usermetrics/core, which npm would
 * otherwise fetch from the registry), the rest at this repository's versions so the install works from npm's
 * cache.
 */
function addReadmeInstalls(dir, script, tarballs) {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const named = [];
  for (const line of script.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words[0] !== 'npm' || !['install', 'i', 'add'].includes(words[1])) continue;
    const group = words.some((w) => w === '--save-dev' || w === '-D') ? 'devDependencies' : 'dependencies';
    for (const name of words.slice(2).filter((w) => !w.startsWith('-'))) {
      named.push(name);
      pkg[group] ??= {};
      if (name.startsWith('@usermetrics/')) {
        if (!tarballs[name])
          throw new Error(`README installs ${name}, which is not a package of this repository`);
        pkg[group][name] = `file:${tarballs[name]}`;
        pkg.dependencies['@usermetrics/core'] ??= `file:${tarballs['@usermetrics/core']}`;
      } else {
        pkg[group][name] = installedSpec(name).slice(name.length + 1);
      }
    }
  }
  if (named.length === 0) throw new Error(`no npm install line in the README block for ${dir}`);
  writeFileSync(file, JSON.stringify(pkg, null, 2));
}

/** Runs npm in `cwd`; installs only from the lock's versions, preferring npm's cache. */
async function npm(cwd, args, env = {}) {
  const flags =
    args[0] === 'install' ? ['--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'] : [];
  try {
    await execFileAsync('npm', [...args, ...flags, '--loglevel=error'], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${error.stdout}\n${error.stderr}`);
  }
}

/** `npm create vite@latest web -- --template react-ts`, from the create-vite version in this repository's lock. */
function createViteApp(work, app, blocks) {
  const createVite = join(repoRoot, 'node_modules', 'create-vite', 'index.js');
  execFileSync('node', [createVite, 'web', '--template', 'react-ts', '--no-interactive', '--no-immediate'], {
    cwd: work,
    stdio: 'pipe',
  });
  // The template's own tools at this repository's versions where it has them (typescript 6 for the template's
  // ~7, @types/node 20), so the install works offline; the linter is not part of the build and is left out.
  const pkgFile = join(app, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  for (const group of ['dependencies', 'devDependencies']) {
    for (const name of Object.keys(pkg[group] ?? {})) {
      if (existsSync(join(repoRoot, 'node_modules', name, 'package.json'))) {
        pkg[group][name] = installedSpec(name).slice(name.length + 1);
      } else delete pkg[group][name];
    }
  }
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  writeFileSync(join(app, 'src', 'main.tsx'), blocks['web/src/main.tsx']);
  // The user's own page (create-vite's App.tsx, replaced): a button whose click makes the next render throw.
  writeFileSync(
    join(app, 'src', 'App.tsx'),
    `import { useState } from 'react';

function App() {
  const [broken, setBroken] = useState(false);
  if (broken) throw new TypeError('new-user-check: render failed');
  return (
    <main>
      <h1>Home</h1>
      <button type="button" onClick={() => setBroken(true)}>
        Throw
      </button>
    </main>
  );
}

export default App;
`,
  );
}

/** A plain Node ESM Lambda project ("type": "module"): its tsconfig.json and sources are the README's. */
function createLambdaProject(api, blocks) {
  mkdirP(join(api, 'src'));
  writeFileSync(
    join(api, 'package.json'),
    JSON.stringify(
      { name: 'lambda-project', private: true, type: 'module', scripts: { build: 'tsc' }, dependencies: {} },
      null,
      2,
    ),
  );
  for (const [path, code] of Object.entries(blocks)) {
    if (path.startsWith('api/') && path !== 'api/install') {
      mkdirP(dirname(join(api, path.slice(4))));
      writeFileSync(join(api, path.slice(4)), code);
    }
  }
}

/** The README's routes module for `usermetrics-dev --handlers` loads and maps `METHOD /path` keys to handlers. */
async function checkRoutesModule(api) {
  const routes = (await import(pathToFileURL(join(api, 'usermetrics.routes.mjs')).href)).default;
  const entries = Object.entries(routes ?? {});
  const bad = entries.filter(
    ([key, handler]) => !/^[A-Z]+ \/\S*$/.test(key) || typeof handler !== 'function',
  );
  if (entries.length === 0 || bad.length > 0)
    fail('the routes module maps "METHOD /path" to handlers', routes);
}

/**
 * Runs the README's `invoke.mjs` as a user would — plain `node`, outside Lambda, no AWS_* variable set — and
 * checks what README § "What you will see on stdout" says it prints.
 */
function checkSampleInvocation(api) {
  const r = spawnSync('node', ['invoke.mjs'], { cwd: api, encoding: 'utf8', env: userEnv() });
  const said = { stdout: r.stdout, stderr: r.stderr };
  if (r.status !== 0) fail('node invoke.mjs failed', said);
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const docs = lines.filter((l) => l._aws);
  const logs = lines.filter((l) => !l._aws);
  const answers = r.stderr.split('\n').filter((l) => /^\d{3} /.test(l));
  const errorId = /"errorId":"([0-9a-f-]{36})"/.exec(answers[0] ?? '')?.[1];
  if (!answers[0]?.startsWith('200 ') || !errorId)
    fail('the error report was not answered 200 with an errorId', said);
  if (answers[1] !== '200 {"success":true,"metricsReceived":2,"metricsRejected":0}')
    fail('web vitals answer', said);
  if (!answers[2]?.startsWith('201 ')) fail('the Quick start handler did not answer 201', said);
  const inNs = (ns) => docs.filter((d) => d._aws.CloudWatchMetrics[0].Namespace === ns);
  const dims = (d) => JSON.stringify(d._aws.CloudWatchMetrics[0].Dimensions);
  // Error report: one ERROR log line with the errorId, one EMF document by [environment] and [environment, errorType].
  const errorDocs = inNs('UserMetrics/Frontend').filter((d) => d.FrontendErrors !== undefined);
  if (errorDocs.length !== 1 || dims(errorDocs[0]) !== '[["environment"],["environment","errorType"]]') {
    fail('one FrontendErrors document by [environment] and [environment, errorType]', errorDocs);
  }
  if (!logs.some((l) => l.level === 'ERROR' && l.context?.errorId === errorId))
    fail('no ERROR line with the errorId', logs);
  // Web vitals: one document per accepted sample, each with its route.
  const vitalDocs = inNs('UserMetrics/Frontend').filter((d) => d.FrontendErrors === undefined);
  if (vitalDocs.length !== 2 || vitalDocs.some((d) => d.route !== '/users/:id'))
    fail('one document per web vital', vitalDocs);
  // The wrapped handler: the invocation document, the route Duration document, and one for metrics.add, whose
  // dimensions are exactly the ones given.
  const lambda = inNs('UserMetrics/Lambda');
  if (
    lambda.length !== 2 ||
    lambda[0].Invocations !== 1 ||
    dims(lambda[1]) !== '[["functionName","environment","route"]]'
  ) {
    fail('two UserMetrics/Lambda documents per invocation: the invocation, then Duration by route', lambda);
  }
  const shop = inNs('Shop');
  if (shop.length !== 1 || dims(shop[0]) !== '[["paymentMethod"]]' || shop[0].OrdersPlaced !== 1) {
    fail(
      'metrics.add outside Lambda, with nothing configured: one document on stdout, by [paymentMethod]',
      said,
    );
  }
  if (!logs.every((l) => !Number.isNaN(Date.parse(l.timestamp)) && l.timestamp.endsWith('Z'))) {
    fail('log timestamps are ISO-8601 strings', logs);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/**
 * Opens the app at `origin` in a fresh context and performs the steps: `link:TEXT` clicks a link, `back` /
 * `forward`, `goto:PATH` is a hard load, `throw` clicks the app's button and waits for the boundary's fallback,
 * `wait:MS` keeps the page open.
 * Closing the page at the end sends the last web vitals (pagehide → sendBeacon). Returns the URLs visited and
 * the errorId the fallback showed.
 */
async function visit(browser, origin, steps) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  const paths = ['/'];
  let errorId;
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    for (const s of steps) {
      const [kind, arg] = s.split(/:(.*)/s);
      if (kind === 'link') await page.getByRole('link', { name: arg, exact: true }).click();
      else if (kind === 'back') await page.goBack();
      else if (kind === 'forward') await page.goForward();
      else if (kind === 'goto') await page.goto(`${origin}${arg}`);
      else if (kind === 'wait') await page.waitForTimeout(Number(arg));
      else if (kind === 'throw') {
        await page.getByRole('button', { name: 'Throw' }).click();
        const alert = page.getByRole('alert');
        await alert.waitFor();
        // The fallback re-renders with the server's errorId once the report is answered.
        await page.waitForTimeout(1500);
        errorId = /reference ([0-9a-f-]{36})/.exec((await alert.textContent()) ?? '')?.[1];
      }
      if (kind !== 'throw' && kind !== 'wait') {
        await page.waitForLoadState('load');
        await page.waitForTimeout(400); // let the page view of this navigation go out
        paths.push(new URL(page.url()).pathname);
      }
    }
    await page.waitForTimeout(500);
  } finally {
    await page.close({ runBeforeUnload: true });
    await context.close();
  }
  return { origin, paths, errorId, consoleLines };
}

/** A user's shell outside Lambda: no AWS_* variable (`npm test` sets AWS_EMF_ENVIRONMENT for its own tests). */
function userEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
}

function fail(message, details) {
  throw new Error(`${message}\n${JSON.stringify(details, null, 2)}`);
}

function checkRefused(seen, visited) {
  // The transport's HEAD probe (is the server there at all?) is answered 404 like any unrouted request.
  const attempts = seen.requests.filter((r) => r.method !== 'HEAD');
  if (attempts.length === 0) fail('no request reached the handlers from the disallowed origin', visited);
  const refusedRight = (r) => r.status === 403 && (r.method !== 'POST' || r.code === 'origin_not_allowed');
  if (!attempts.every(refusedRight)) {
    fail('every request from a disallowed origin is answered 403 origin_not_allowed', attempts);
  }
  if (seen.emf.length > 0) fail('telemetry from a disallowed origin was counted', seen.emf);
  // No retry storm (#17 bug 1: four POSTs per batch): at most two attempts per endpoint, then the origin is blocked.
  for (const path of ['/errors/report', '/metrics/web-vitals']) {
    const tries = attempts.filter((r) => r.path === path);
    if (tries.length > 2) fail(`${tries.length} attempts at ${path} after a refusal`, tries);
  }
  if (visited.errorId !== undefined) fail('the fallback showed an errorId the server never gave', visited);
}

function checkCounted(seen, visited) {
  const errors = seen.emf.reduce((n, doc) => n + metricValues(doc, 'FrontendErrors'), 0);
  if (errors !== 1) fail(`the one error thrown was counted ${errors} times`, { emf: seen.emf, visited });
  if (!visited.errorId) fail("the boundary's fallback never got the server's errorId", visited);
  const ids = seen.logs.filter((l) => l.context?.errorId).map((l) => l.context.errorId);
  if (!ids.includes(visited.errorId))
    fail('the errorId shown is not in the error log line', { ids, visited });
  if (seen.vitals === 0) fail('no web vital was counted from the allowed origin', seen.emf);
  const views = seen.pageViews;
  // One page view per hard load, <Link> navigation and back/forward step, in order: none lost, none doubled.
  const viewed = views.map((v) => new URL(v.url, 'http://x').pathname);
  if (viewed.join(' ') !== visited.paths.join(' ')) {
    fail('one page view per page load and navigation', { viewed, paths: visited.paths, views });
  }
  const expected = (path) => (/^\/users\/[^/]+$/.test(path) ? '/users/:id' : path === '/' ? '/' : 'other');
  const wrong = views.filter((v) => v.route !== expected(new URL(v.url, 'http://x').pathname));
  if (wrong.length > 0) fail('page views without their route pattern', { wrong, views, visited });
}

/** Sum of the values of metric `name` in one EMF document. */
function metricValues(doc, name) {
  const value = doc[name];
  if (value === undefined) return 0;
  return Array.isArray(value) ? value.reduce((a, b) => a + b, 0) : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Servers

/** A static server for the built app with the SPA fallback any host gives a client-routed app. */
async function serveStatic(dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Runs the README's routes module in a child process (its stdout is the Lambda's stdout) and reads what it
 * writes: EMF documents, log lines, and — on stderr — one line per request and the Umami stand-in's events.
 */
async function startHandlers(api, allowedOrigins) {
  const child = spawn(
    process.execPath,
    [import.meta.filename, '--serve-handlers', join(api, 'dist', 'ingestion.js')],
    {
      cwd: api,
      env: { ...userEnv(), USERMETRICS_ALLOWED_ORIGINS: allowedOrigins },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events = []; // { at, kind: 'emf' | 'log' | 'request' | 'pageview', value }
  let lastAt = Date.now();
  const push = (kind, value) => {
    lastAt = Date.now();
    events.push({ kind, value });
  };
  const lines = (stream, onLine) => {
    let rest = '';
    stream.on('data', (chunk) => {
      rest += chunk;
      const parts = rest.split('\n');
      rest = parts.pop();
      for (const line of parts) onLine(line);
    });
  };
  let resolveOrigin;
  let rejectOrigin;
  const origin = new Promise((resolve, reject) => {
    resolveOrigin = resolve;
    rejectOrigin = reject;
  });
  const stderr = [];
  lines(child.stdout, (line) => {
    if (!line.startsWith('{')) return;
    const value = JSON.parse(line);
    push(value._aws ? 'emf' : 'log', value);
  });
  lines(child.stderr, (line) => {
    const m = /^new-user-check (\w+) (.*)$/.exec(line);
    if (!m) return stderr.push(line);
    if (m[1] === 'listening') resolveOrigin(m[2]);
    else push(m[1], JSON.parse(m[2]));
  });
  child.on('exit', (code) => rejectOrigin(new Error(`handlers exited ${code}: ${stderr.join('\n')}`)));
  return {
    origin: await origin,
    mark: () => events.length,
    /** Waits until nothing arrived for `ms`. */
    async quiet(ms) {
      while (Date.now() - lastAt < ms) await new Promise((r) => setTimeout(r, 250));
    },
    since(mark) {
      const slice = events.slice(mark);
      const of = (kind) => slice.filter((e) => e.kind === kind).map((e) => e.value);
      const emf = of('emf');
      const frontend = emf.filter((d) =>
        d._aws.CloudWatchMetrics.some((m) => m.Namespace === 'UserMetrics/Frontend'),
      );
      const vitalNames = [
        'LargestContentfulPaint',
        'FirstContentfulPaint',
        'TimeToFirstByte',
        'CumulativeLayoutShift',
        'InteractionToNextPaint',
      ];
      return {
        emf: frontend,
        logs: of('log'),
        requests: of('request'),
        pageViews: of('pageview'),
        vitals: frontend.reduce((n, d) => n + vitalNames.filter((v) => d[v] !== undefined).length, 0),
      };
    },
    close: () => {
      child.kill();
      return new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    },
  };
}

/**
 * The child: an API Gateway HTTP API (payload 2.0) stand-in for the routes module (`{ 'POST /path': handler }`),
 * plus an Umami stand-in on `/api/send` that reports each page view.
 */
async function serveHandlers(ingestionFile) {
  // The API Gateway routes of the two ingestion Lambdas (POST, and OPTIONS for the preflight), loaded on the
  // first request: the server starts while the Lambda project is still being built.
  let routes;
  const loadRoutes = async () => {
    const { errors, webVitals } = await import(pathToFileURL(ingestionFile).href);
    return {
      'POST /metrics/web-vitals': webVitals,
      'OPTIONS /metrics/web-vitals': webVitals,
      'POST /errors/report': errors,
      'OPTIONS /errors/report': errors,
    };
  };
  const report = (kind, value) => process.stderr.write(`new-user-check ${kind} ${JSON.stringify(value)}\n`);
  let requests = 0;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/send') {
      // Umami accepts any origin.
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'content-type',
        'content-type': 'application/json',
      });
      res.end('{}');
      if (req.method === 'POST') {
        const { payload } = JSON.parse(body);
        if (payload.name === undefined) report('pageview', { url: payload.url, route: payload.data?.route });
      }
      return;
    }
    const routeKey = `${req.method} ${url.pathname}`;
    routes ??= await loadRoutes();
    const handler = routes[routeKey];
    if (!handler) {
      res.writeHead(404).end();
      return report('request', { method: req.method, path: url.pathname, status: 404 });
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const requestId = `req-${++requests}`;
    const event = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      requestContext: {
        http: {
          method: req.method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey,
        stage: '$default',
        time: new Date().toISOString(),
        timeEpoch: Date.now(),
        accountId: '123456789012',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
      },
      body: body === '' ? undefined : body,
      isBase64Encoded: false,
    };
    const context = {
      awsRequestId: requestId,
      functionName: routeKey,
      getRemainingTimeInMillis: () => 3000,
    };
    const result = await handler(event, context);
    res.writeHead(result.statusCode, result.headers ?? {});
    res.end(result.body ?? '');
    let code;
    try {
      code = JSON.parse(result.body).error?.code;
    } catch {}
    report('request', {
      method: req.method,
      path: url.pathname,
      origin: headers.origin,
      status: result.statusCode,
      code,
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  process.stderr.write(`new-user-check listening http://127.0.0.1:${server.address().port}\n`);
}

// The check, or (in its child process) the handlers' server.
if (process.argv[2] === '--serve-handlers') {
  await serveHandlers(resolve(process.argv[3]));
} else {
  await main();
}
