#!/usr/bin/env node
// Main-thread cost of @usermetrics/browser in real Chromium, next to web-vitals alone, Sentry (errors only),
// Grafana Faro and an empty page — all measured the same way in the same run.
//
// Six pages with the same markup, each built on its own with Vite (production build, as an app ships one
// library): empty, web-vitals alone (five on* callbacks logging to an array, the same web-vitals version the
// tracker depends on), Sentry for errors only, Faro with its default instrumentations, the tracker with
// everything on except replay, and the tracker with replay (OpenReplay against a local stand-in). Sentry's DSN
// and Faro's collector URL point at the static server that serves the pages, which answers every POST, so
// nothing leaves the machine. Each round visits every page twice, each visit in a fresh browser context:
//   - CPU visit, no throttling: a Chromium trace of the renderer main thread; script time = the union of the
//     thread-time (CPU) intervals of script events (compile, evaluate, function calls, timers, microtasks,
//     idle callbacks) before the load event, and in the 1.5 s after it. Not throttled on purpose: Chromium's
//     CPU throttling inflates the main thread's CPU time by a varying amount (at 4x the same page measured
//     8-60 ms, unthrottled 6-8 ms), and a ratio of CPU times does not depend on the throttling anyway.
//   - Throttled visit, 4x CPU throttling (CDP Emulation.setCPUThrottlingRate), nothing else attached: long
//     tasks ('longtask' PerformanceObserver installed before any page script) starting within 1.5 s of the
//     load event, blocking time = sum of (duration - 50 ms), and the long animation frames' scripts by the
//     library their file belongs to (chunk-attribution.mjs: Vite's chunk -> module map, by package, so it does
//     not depend on how the tracker is split into chunks).
// Pages run round-robin (order rotated each round) so drift on this noisy 2-core machine hits all alike.
// Medians over the runs, with min-max, ratios against web-vitals alone, and the budgets of DESIGN §9 with
// met/missed. Usage:
//   node bench/chromium-bench.mjs [--runs 10] [--write-doc]   (--write-doc rewrites the table in BENCHMARKS.md;
//                                                               without it the results are only printed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { attributionPlugin, pageSizes } from './chunk-attribution.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const repoRoot = resolve(packageDir, '../..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 10;
const WRITE = args.includes('--write-doc');
const THROTTLE = 4;
// The anchor must load the web-vitals the tracker bundles, not whatever version the repo root hoists
// (the root had web-vitals 5 while the tracker depends on 6, which does more work when subscribing).
const webVitalsMain = createRequire(join(packageDir, 'package.json')).resolve('web-vitals');
const webVitalsDir = webVitalsMain.slice(0, webVitalsMain.lastIndexOf(`${sep}web-vitals${sep}`) + 11);
const webVitalsVersion = JSON.parse(readFileSync(join(webVitalsDir, 'package.json'), 'utf8')).version;
const versionOf = (name) =>
  JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
const WINDOW_MS = 1500;
// `library`: whose code the page is about (the attribution columns and the budgets read it).
const PAGES = [
  { id: 'empty', label: 'empty page', library: 'page' },
  { id: 'web-vitals', label: 'web-vitals alone (anchor)', library: 'web-vitals' },
  { id: 'sentry', label: '@sentry/browser, errors only (anchor)', library: 'sentry' },
  { id: 'faro', label: '@grafana/faro-web-sdk, default instrumentations (anchor)', library: 'faro' },
  { id: 'tracker', label: '@usermetrics/browser, all on except replay', library: 'usermetrics' },
  { id: 'tracker-replay', label: '@usermetrics/browser with replay', library: 'usermetrics' },
];
const LIBRARIES = ['usermetrics', 'openreplay', 'web-vitals', 'sentry', 'faro', 'page', 'unattributed'];
// Ours, for the budgets: our chunks, and the scripts Chromium names no file for (see measureThrottled).
const OURS = ['usermetrics', 'unattributed'];
const BUDGET = { untilLoadRatio: 1.1, replayLoafMs: 10, entryKb: 5, allButReplayKb: 16 };

function newestMtime(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
    .reduce((max, e) => Math.max(max, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
}

/** The pages import the built package, as an app would: build it when dist is missing or older than src. */
function ensureBuilt() {
  const dist = join(packageDir, 'dist/index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(join(packageDir, 'src'))) return;
  const r = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@usermetrics/browser'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Builds each page on its own (an app ships one of these libraries, so no chunk is shared between pages).
 * Returns the library of every emitted file, by URL path, to attribute script time by source; fills `sizes`.
 */
async function buildPages(outDir) {
  const root = join(here, 'pages');
  const sources = new Map();
  for (const page of PAGES) {
    const chunks = new Map();
    await build({
      root,
      base: `/${page.id}/`,
      logLevel: 'warn',
      configFile: false,
      plugins: [
        {
          // The anchor page loads the web-vitals this package ships; Faro keeps its own dependency.
          name: 'usermetrics-bench-web-vitals',
          enforce: 'pre',
          resolveId(source, importer) {
            if (source !== 'web-vitals' || !importer?.startsWith(root)) return null;
            return this.resolve(source, join(packageDir, 'package.json'), { skipSelf: true });
          },
        },
        attributionPlugin(root, (fileName, chunk) => chunks.set(fileName, chunk)),
      ],
      build: {
        outDir: join(outDir, page.id),
        emptyOutDir: true,
        chunkSizeWarningLimit: 2048,
        rollupOptions: { input: { [page.id]: join(root, `${page.id}.html`) } },
      },
    });
    for (const [fileName, chunk] of chunks) sources.set(`/${page.id}/${fileName}`, chunk.library);
    sizes.set(page.id, pageSizes(chunks));
  }
  return sources;
}

/** Per page, gzip -9 bytes of each library's chunks, before load (static imports) and lazy (dynamic imports). */
const sizes = new Map();

function sizeLines() {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const lines = PAGES.filter((p) => p.id !== 'empty').map((p) => {
    const parts = Object.entries(sizes.get(p.id) ?? {})
      .filter(([library]) => library !== 'page')
      .map(([library, s]) => {
        const amounts = [
          s.beforeLoad > 0 && `${kb(s.beforeLoad)} before load`,
          s.lazy > 0 && `${kb(s.lazy)} lazy`,
        ];
        const total = Object.values(s.rendered).reduce((a, b) => a + b, 0);
        const others = Object.entries(s.rendered)
          .filter(([l, bytes]) => l !== library && l !== 'page' && bytes / total >= 0.01)
          .map(([l, bytes]) => `${l} ${Math.round((100 * bytes) / total)} %`);
        return `${library} ${amounts.filter(Boolean).join(' + ')}${others.length > 0 ? ` (of which ${others.join(', ')})` : ''}`;
      });
    return `| ${p.label} | ${parts.join(', ')} |`;
  });
  return [
    'Chunk sizes of each page as Vite built it (gzip -9; "before load" = the entry chunk and its static imports, "lazy" = chunks reached only by a dynamic import; a chunk counts for the library with most of its bytes):',
    '',
    '| page | by library |',
    '|---|---|',
    ...lines,
  ].join('\n');
}

/** POST requests the static server answered, by collector (shows the anchors' transports stayed local). */
const collected = {};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Static files on one loopback port, and on another an API that accepts everything the tracker sends. */
async function startServers(dir) {
  const listen = (server) =>
    new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));
  const app = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST') {
      // The anchors' collectors: Sentry's envelope endpoint (/api/1/envelope/) and Faro's /collect.
      const key = path.startsWith('/api/') ? 'sentry' : path.startsWith('/collect') ? 'faro' : path;
      collected[key] = (collected[key] ?? 0) + 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end('{}');
      });
      return;
    }
    try {
      const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  let appOrigin = '';
  const api = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', appOrigin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204);
      return res.end();
    }
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url, 'http://x').pathname;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (path === '/v1/web/start') {
        return res.end(
          JSON.stringify({
            token: 'bench-token',
            userUUID: '00000000-0000-4000-8000-000000000000',
            sessionID: String(Date.now()),
            projectID: '1',
            delay: 0,
            startTimestamp: Date.now(),
            beaconSizeLimit: 1_000_000,
          }),
        );
      }
      if (path === '/errors/report') return res.end(JSON.stringify({ success: true, errorId: 'bench' }));
      res.end('{"success":true}');
    });
  });
  appOrigin = await listen(app);
  const apiOrigin = await listen(api);
  return {
    appOrigin,
    apiOrigin,
    close: () => Promise.all([app, api].map((s) => new Promise((ok) => s.close(ok)))),
  };
}

// Trace events that are script on the main thread: compiling and running it, and the tasks that enter it.
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'FunctionCall',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'RunMicrotasks',
]);
const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];

/** Total length of the union of [start, end] intervals (nested events must not count twice). */
function unionLength(intervals) {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Fresh context with the bench API address and the probes the throttled visit reads. */
async function newPage(browser, apiOrigin) {
  const context = await browser.newContext({
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`,
  });
  await context.addInitScript((api) => {
    window.__BENCH_API__ = api;
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them: the attribution long tasks lack.
    window.__loaf = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__loaf.push({
          start: e.startTime,
          blocking: e.blockingDuration,
          scripts: e.scripts.map((x) => ({ url: x.sourceURL, duration: x.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }, apiOrigin);
  return { context, page: await context.newPage() };
}

async function untilAfterLoad(page) {
  const loadStart = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
  await page.waitForFunction((until) => performance.now() >= until, loadStart + WINDOW_MS, { polling: 100 });
  return loadStart;
}

/** Unthrottled visit under a trace: main-thread script CPU time before load and in the 1.5 s after. */
async function measureCpu(browser, url, apiOrigin) {
  const { context, page } = await newPage(browser, apiOrigin);
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    await untilAfterLoad(page);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    // The page's main thread is the one that marked the load event of the main frame.
    const load = traceEvents.find(
      (e) => e.name === 'MarkLoad' && (e.args?.data?.isOutermostMainFrame ?? e.args?.data?.isMainFrame),
    );
    if (!load) throw new Error(`no load event in the trace of ${url}`);
    const scripts = traceEvents.filter(
      (e) =>
        e.pid === load.pid &&
        e.tid === load.tid &&
        e.ph === 'X' &&
        SCRIPT_EVENTS.has(e.name) &&
        e.tdur !== undefined,
    );
    const cpuMs = (list) => unionLength(list.map((e) => [e.tts, e.tts + e.tdur])) / 1000;
    const end = load.ts + WINDOW_MS * 1000;
    return {
      scriptUntilLoadMs: cpuMs(scripts.filter((e) => e.ts < load.ts)),
      scriptAfterLoadMs: cpuMs(scripts.filter((e) => e.ts >= load.ts && e.ts < end)),
    };
  } finally {
    await context.close();
  }
}

/** 4x throttled visit with nothing attached but the throttling: long tasks and long animation frames. */
async function measureThrottled(browser, url, apiOrigin, sources) {
  const { context, page } = await newPage(browser, apiOrigin);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url, { waitUntil: 'load' });
    const loadStart = await untilAfterLoad(page);
    const longTasks = await page.evaluate(
      ([from, to]) => window.__longTasks.filter((t) => t.start >= from && t.start < to),
      [loadStart, loadStart + WINDOW_MS],
    );
    // Long animation frames (≥ 50 ms) starting in the window; each lists the scripts (≥ 5 ms) that ran in it.
    const frames = await page.evaluate(
      ([from, to]) => window.__loaf.filter((f) => f.start >= from && f.start < to),
      [loadStart, loadStart + WINDOW_MS],
    );
    const loafScriptMs = Object.fromEntries(LIBRARIES.map((l) => [l, 0]));
    // A long task of a library: a frame with blocking time (a task over 50 ms) in which its script ran.
    const blockingFramesWith = Object.fromEntries(LIBRARIES.map((l) => [l, 0]));
    let ourLongTasks = 0;
    for (const frame of frames) {
      const seen = new Set();
      for (const script of frame.scripts) {
        let path = '';
        try {
          path = new URL(script.url).pathname;
        } catch {}
        // Chromium gives some callbacks no source URL (seen: idle callbacks of 60-80 ms at 4x on the tracker
        // pages, where no other library runs). They are counted apart and, for the budgets, as ours.
        const library = script.url ? (sources.get(path) ?? 'page') : 'unattributed';
        loafScriptMs[library] += script.duration;
        seen.add(library);
      }
      if (frame.blocking > 0) for (const library of seen) blockingFramesWith[library] += 1;
      if (frame.blocking > 0 && OURS.some((l) => seen.has(l))) ourLongTasks += 1;
    }
    return {
      loafScriptMs,
      blockingFramesWith,
      ourLongTasks,
      ourLoafScriptMs: OURS.reduce((sum, l) => sum + loafScriptMs[l], 0),
      longTasksAfterLoad: longTasks.length,
      blockingAfterLoadMs: longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    };
  } finally {
    await context.close();
  }
}

/** Both visits of one page; a visit that fails (e.g. a trace without the load mark) is retried once. */
async function measure(browser, url, apiOrigin, sources) {
  const retry = async (fn) => {
    try {
      return await fn();
    } catch (error) {
      console.warn(`retrying ${url}: ${error.message}`);
      return fn();
    }
  };
  return {
    ...(await retry(() => measureCpu(browser, url, apiOrigin))),
    ...(await retry(() => measureThrottled(browser, url, apiOrigin, sources))),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const ratio = (x, base) => (base > 0 ? `${(x / base).toFixed(2)}×` : 'n/a');

function table(results) {
  const anchor = median(results.find((r) => r.id === 'web-vitals').runs.map((x) => x.scriptUntilLoadMs));
  const rows = results.map((r) => {
    const s = (k) => r.runs.map((x) => x[k]);
    const med = (k) => median(s(k));
    const range = (k) => `${fmt(Math.min(...s(k)))}–${fmt(Math.max(...s(k)))}`;
    return `| ${r.label} | ${fmt(med('scriptUntilLoadMs'))} (${range('scriptUntilLoadMs')}) | ${ratio(
      med('scriptUntilLoadMs'),
      anchor,
    )} | ${fmt(med('scriptAfterLoadMs'))} (${range('scriptAfterLoadMs')}) | ${fmt(med('blockingAfterLoadMs'))} (${range(
      'blockingAfterLoadMs',
    )}) | ${med('longTasksAfterLoad')} (max ${Math.max(...s('longTasksAfterLoad'))}) |`;
  });
  // Only the libraries that ran somewhere get a column.
  const shown = LIBRARIES.filter((l) => results.some((r) => r.runs.some((x) => x.loafScriptMs[l] > 0)));
  const attribution = results.map((r) => {
    const cell = (l) => {
      const ms = r.runs.map((x) => x.loafScriptMs[l]);
      const tasks = r.runs.map((x) => x.blockingFramesWith[l]);
      return `${fmt(median(ms))} (max ${fmt(Math.max(...ms))}); ${median(tasks)} (max ${Math.max(...tasks)})`;
    };
    return `| ${r.label} | ${shown.map(cell).join(' | ')} |`;
  });
  return [
    '| page | script until load, ms CPU median (min–max) | vs web-vitals alone | script in 1.5 s after load, ms CPU | blocking time in 1.5 s after load at 4×, ms | long tasks after load at 4×, median (max) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Whose script ran in the long animation frames of the 1.5 s after load, at 4×, by library: script time in',
    'long animation frames, ms median (max); then long tasks of that library — frames with blocking time in which',
    'its script ran — median (max) per run:',
    '',
    `| page | ${shown.join(' | ')} |`,
    `|---|${shown.map(() => '---').join('|')}|`,
    ...attribution,
  ].join('\n');
}

/** The browser budgets of DESIGN §9 this bench can check, each with met/missed and the figures. */
function budgets(results) {
  const runsOf = (id) => results.find((r) => r.id === id).runs;
  const anchor = median(runsOf('web-vitals').map((x) => x.scriptUntilLoadMs));
  const untilLoad = median(runsOf('tracker').map((x) => x.scriptUntilLoadMs)) / anchor;
  const ourTasks = runsOf('tracker').map((x) => x.ourLongTasks);
  const replayLoaf = median(runsOf('tracker-replay').map((x) => x.ourLoafScriptMs));
  const verdict = (ok) => (ok ? '**met**' : '**missed**');
  const ours = sizes.get('tracker')?.usermetrics ?? { beforeLoad: 0, lazy: 0 };
  const kb = (n) => (n / 1024).toFixed(1);
  return [
    'Budgets (DESIGN §9), from this run ("ours" = usermetrics + unattributed):',
    '',
    `- script until load ≤ ${BUDGET.untilLoadRatio}× web-vitals alone (replay off): ${untilLoad.toFixed(2)}× — ${verdict(
      untilLoad <= BUDGET.untilLoadRatio,
    )}`,
    `- replay off, long tasks of ours in the 1.5 s after load at 4×: 0 in every run — ${verdict(
      ourTasks.every((n) => n === 0),
    )} (${ourTasks.filter((n) => n > 0).length} of ${ourTasks.length} runs had one; max ${Math.max(...ourTasks)})`,
    `- replay on, our script time in long animation frames ≤ ${BUDGET.replayLoafMs} ms median: ${fmt(replayLoaf)} ms — ${verdict(
      replayLoaf <= BUDGET.replayLoafMs,
    )}`,
    // size-limit (npx size-limit) is the authority on sizes; these are the same chunks as this bench built them.
    `- entry ≤ ${BUDGET.entryKb} KB gz (what runs before load, web-vitals included): ${kb(ours.beforeLoad)} KB — ${verdict(
      ours.beforeLoad <= BUDGET.entryKb * 1024,
    )}`,
    `- every chunk except replay ≤ ${BUDGET.allButReplayKb} KB gz: ${kb(ours.beforeLoad + ours.lazy)} KB — ${verdict(
      ours.beforeLoad + ours.lazy <= BUDGET.allButReplayKb * 1024,
    )}`,
  ].join('\n');
}

async function main() {
  let executablePath;
  try {
    executablePath = assertChromium();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  ensureBuilt();
  const outDir = mkdtempSync(join(tmpdir(), 'usermetrics-bench-'));
  const started = Date.now();
  let servers;
  let browser;
  try {
    const sources = await buildPages(outDir);
    servers = await startServers(outDir);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const results = PAGES.map((p) => ({ ...p, runs: [] }));
    // One warm-up visit (the browser process, V8 and the servers warm up; pages are served no-store).
    await measure(browser, `${servers.appOrigin}/web-vitals/web-vitals.html`, servers.apiOrigin, sources);
    for (let round = 0; round < RUNS; round++) {
      for (let i = 0; i < results.length; i++) {
        const r = results[(i + round) % results.length];
        r.runs.push(
          await measure(browser, `${servers.appOrigin}/${r.id}/${r.id}.html`, servers.apiOrigin, sources),
        );
      }
      process.stdout.write(`round ${round + 1}/${RUNS}\r`);
    }
    const md = table(results);
    const env = `Chromium ${browser.version()}, web-vitals ${webVitalsVersion} on the anchor and tracker pages, @sentry/browser ${versionOf(
      '@sentry/browser',
    )}, @grafana/faro-web-sdk ${versionOf('@grafana/faro-web-sdk')}, script CPU unthrottled, long tasks at ${THROTTLE}× CPU throttling, ${RUNS} run${RUNS === 1 ? '' : 's'} per page, Node ${process.version}, ${
      cpus().length
    } × ${cpus()[0]?.model.trim()} (load average at the end ${loadavg()[0].toFixed(1)}), ${new Date()
      .toISOString()
      .slice(0, 10)}; bench took ${Math.round((Date.now() - started) / 1000)} s`;
    const text = `${md}\n\n${budgets(results)}\n\n${sizeLines()}\n\nPOSTs answered by the local stand-ins for the anchors' collectors: ${
      Object.entries(collected)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }.`;
    console.log(`\n${text}\n\n${env}`);
    if (WRITE) writeBenchmarks(text, env);
  } finally {
    await browser?.close();
    await servers?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function writeBenchmarks(md, env) {
  const file = join(packageDir, 'BENCHMARKS.md');
  const start = '<!-- chromium-bench:start -->';
  const end = '<!-- chromium-bench:end -->';
  const block = `${start}\n${md}\n\n${env}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const next = text.includes(start)
    ? text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length)
    : `${text}\n${block}\n`;
  writeFileSync(file, next);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
