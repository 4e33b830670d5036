#!/usr/bin/env node
// `npm run loadtest`: bad input + load through the local collector to the production ingestion handlers.
// Starts `usermetrics-dev` as a child on a free loopback port (one Node process: one core), sends a fixed
// number of mixed requests with bounded concurrency, then reports throughput, latency, status codes and
// whether any valid item was lost. Bounded: it stops by itself. Exit code 1 on any 5xx or lost valid item.
//
//   npm run loadtest -- --requests 20000 --concurrency 32 [--no-build] [--profile (CPU profile of the collector)]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages', 'dev', 'dist', 'bin.js');
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const TOTAL = flag('requests', 20_000);
const CONCURRENCY = flag('concurrency', 32);
const TARGET_RPS = 5000;

if (!process.argv.includes('--no-build') || !existsSync(bin)) {
  console.log('▶ Building the collector and what it runs (turbo skips what is up to date)…');
  const build = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@usermetrics/dev...', '--output-logs=errors-only'],
    // turbo's anonymous telemetry (and its notice) stays off, as in every script of the repository.
    { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// ---- the request mix -------------------------------------------------------------------------------------
const NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
const ROUTES = ['/', '/checkout', '/slow', '/users/:id'];
let seed = 42;
const rand = () => {
  // Deterministic (mulberry32), so every run sends the same mix.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const sessionId = () =>
  `0190${Math.floor(rand() * 1e8)
    .toString(16)
    .padStart(4, '0')}-0000-7000-8000-${Math.floor(rand() * 1e12)
    .toString(16)
    .padStart(12, '0')}`;

function validItem() {
  const name = pick(NAMES);
  const route = pick(ROUTES);
  return {
    name,
    value: name === 'CLS' ? Math.round(rand() * 500) / 1000 : Math.round(rand() * 5000),
    rating: pick(['good', 'needs-improvement', 'poor']),
    url: `http://127.0.0.1${route.replace(':id', '7')}`,
    timestamp: new Date().toISOString(),
    id: `v5-${Math.floor(rand() * 1e12)}`,
    navigationType: 'navigate',
    route,
  };
}
const invalidItems = [
  () => ({ ...validItem(), name: 'FID' }),
  () => ({ ...validItem(), value: -5 }),
  () => ({ ...validItem(), name: 'LCP', value: 999_999 }),
  () => ({ ...validItem(), rating: 'excellent' }),
  () => ({ ...validItem(), timestamp: '2001-01-01T00:00:00.000Z' }),
  () => ({ name: 'LCP' }),
];

const json = 'application/json';
const kinds = [
  // [weight, build] → { path, body, type, valid (items that must be kept), expect (status) }
  [
    45,
    () => {
      const items = Array.from({ length: 1 + Math.floor(rand() * 10) }, validItem);
      return {
        kind: 'valid batch',
        path: '/metrics/web-vitals',
        body: JSON.stringify({ metrics: items, sessionId: sessionId() }),
        type: json,
        valid: items.length,
        expect: 200,
      };
    },
  ],
  [
    15,
    () => {
      const good = Array.from({ length: 1 + Math.floor(rand() * 5) }, validItem);
      const bad = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(invalidItems)());
      const items = [...good, ...bad].sort(() => rand() - 0.5);
      return {
        kind: 'partial batch',
        path: '/metrics/web-vitals',
        body: JSON.stringify({ metrics: items, sessionId: sessionId() }),
        type: 'text/plain;charset=UTF-8',
        valid: good.length,
        expect: 200,
      };
    },
  ],
  [
    10,
    () => ({
      kind: 'malformed JSON',
      path: pick(['/metrics/web-vitals', '/errors/report']),
      body: pick(['{"metrics":[', 'not json', '{"a":}', '']),
      type: json,
      valid: 0,
      expect: 400,
    }),
  ],
  [
    5,
    () => ({
      kind: 'schema violation',
      path: '/metrics/web-vitals',
      body: JSON.stringify({ metrics: [], sessionId: 'x' }),
      type: json,
      valid: 0,
      expect: 400,
    }),
  ],
  [
    5,
    () => ({
      kind: 'oversized body',
      path: pick(['/metrics/web-vitals', '/errors/report']),
      body: `{"metrics":"${'x'.repeat(110_000)}"}`,
      type: json,
      valid: 0,
      expect: 413,
    }),
  ],
  [
    5,
    () => ({
      kind: 'wrong content type',
      path: pick(['/metrics/web-vitals', '/errors/report']),
      body: '{}',
      type: pick(['application/xml', 'multipart/form-data; boundary=x', 'image/png']),
      valid: 0,
      expect: 415,
    }),
  ],
  [
    15,
    () => ({
      kind: 'error report',
      path: '/errors/report',
      body: JSON.stringify({
        error: {
          message: `Load test error ${Math.floor(rand() * 50)}`,
          type: pick(['TypeError', 'Error', 'WeirdError']),
          stack: 'Error: x\n    at f (app.js:1:1)',
        },
        context: {
          url: 'http://127.0.0.1/checkout',
          timestamp: new Date().toISOString(),
          sessionId: sessionId(),
          route: '/checkout',
        },
      }),
      type: json,
      valid: 0,
      expect: 200,
    }),
  ],
];
const totalWeight = kinds.reduce((s, [w]) => s + w, 0);
function nextRequest() {
  let r = rand() * totalWeight;
  for (const [w, build] of kinds) {
    r -= w;
    if (r <= 0) return build();
  }
  return kinds[0][1]();
}

// ---- run ---------------------------------------------------------------------------------------------------
// Starts a child that prints `App  http://127.0.0.1:<port>/` once listening, and resolves with that base URL.
function startChild(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /App\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before listening:\n${out}`)));
  });
  return { child, ready };
}

async function stop(child) {
  child.kill('SIGINT');
  await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
}

function send(agent, port, origin, req) {
  return new Promise((resolve) => {
    const started = performance.now();
    const body = Buffer.from(req.body);
    const r = request(
      {
        host: '127.0.0.1',
        port,
        path: req.path,
        method: 'POST',
        agent,
        headers: { 'content-type': req.type, 'content-length': body.length, origin },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    r.on('error', (e) => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
    r.end(body);
  });
}

// CPU seconds a child has used so far (user + system, from /proc; Linux only, else undefined). On a shared,
// oversubscribed machine wall-clock throughput says more about the neighbours than about the server; requests
// per CPU-second of the server process is what one dedicated core would sustain.
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

// Sends every request with CONCURRENCY in flight; returns timings, status counts and item accounting.
async function drive(base, requests, pid) {
  const cpuBefore = cpuSeconds(pid);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const port = Number(new URL(base).port);
  const latencies = new Float64Array(requests.length);
  const statuses = {};
  const unexpected = {};
  let validSent = 0;
  let metricsReceived = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const i = next++;
        const req = requests[i];
        const res = await send(agent, port, base, req);
        latencies[i] = res.ms;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const key = `${req.kind} → ${res.status}`;
        if (res.status !== req.expect) unexpected[key] = (unexpected[key] ?? 0) + 1;
        validSent += req.valid;
        if (req.path === '/metrics/web-vitals' && res.status === 200) {
          try {
            metricsReceived += JSON.parse(res.body).metricsReceived ?? 0;
          } catch {
            // the baseline server answers {}
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    seconds,
    cpu,
    perCpuSecond: cpu ? requests.length / cpu : undefined,
    rps: requests.length / seconds,
    p50: pct(50),
    p99: pct(99),
    max: sorted.at(-1),
    statuses,
    unexpected,
    validSent,
    metricsReceived,
  };
}

const requests = Array.from({ length: TOTAL }, nextRequest);

// Baseline, same machine, same moment: a bare node:http server that reads each body and answers `{}`. Shared
// machines are noisy, so the collector's figure is reported next to this ceiling, as a ratio.
const bare = startChild([
  '-e',
  "require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json'});s.end('{}')})}).listen(0,'127.0.0.1',function(){console.log('App http://127.0.0.1:'+this.address().port+'/')})",
]);
const bareBase = await bare.ready;
console.log(`▶ baseline: ${TOTAL} requests, ${CONCURRENCY} in flight, to a bare node:http server`);
const baseline = await drive(bareBase, requests, bare.child.pid);
await stop(bare.child);

const dataDir = await mkdtemp(join(tmpdir(), 'usermetrics-loadtest-'));
const profile = process.argv.includes('--profile')
  ? ['--cpu-prof', `--cpu-prof-dir=${join(tmpdir(), 'usermetrics-loadtest-profile')}`]
  : [];
const collector = startChild([...profile, bin, 'dev', '--port', '0', '--quiet', '--data-dir', dataDir]);
const base = await collector.ready;
const summaryBefore = await (await fetch(`${base}/__usermetrics/api/summary`)).json();
console.log(`▶ collector: ${TOTAL} requests, ${CONCURRENCY} in flight, to ${base} (one Node process)`);
const run = await drive(base, requests, collector.child.pid);
const summaryAfter = await (await fetch(`${base}/__usermetrics/api/summary`)).json();
await stop(collector.child);
await rm(dataDir, { recursive: true, force: true });

const stored = summaryAfter.totals.vitals - summaryBefore.totals.vitals;
const fiveXX = Object.entries(run.statuses)
  .filter(([s]) => Number(s) >= 500 || Number(s) === 0)
  .reduce((n, [, c]) => n + c, 0);
const cpus = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(`
                    collector (production handlers)      bare node:http baseline     ratio
requests/s          ${String(Math.round(run.rps)).padEnd(37)}${String(Math.round(baseline.rps)).padEnd(28)}${(run.rps / baseline.rps).toFixed(2)}
req per CPU-second  ${String(Math.round(run.perCpuSecond ?? Number.NaN)).padEnd(37)}${String(Math.round(baseline.perCpuSecond ?? Number.NaN)).padEnd(28)}${((run.perCpuSecond ?? Number.NaN) / (baseline.perCpuSecond ?? Number.NaN)).toFixed(2)}
latency p50         ${`${run.p50.toFixed(2)} ms`.padEnd(37)}${`${baseline.p50.toFixed(2)} ms`.padEnd(28)}${(run.p50 / baseline.p50).toFixed(2)}
latency p99         ${`${run.p99.toFixed(2)} ms`.padEnd(37)}${`${baseline.p99.toFixed(2)} ms`.padEnd(28)}${(run.p99 / baseline.p99).toFixed(2)}
target ≥ ${TARGET_RPS} req/s  wall clock: ${run.rps >= TARGET_RPS ? 'met' : 'NOT met'} · per CPU-second of the collector (one core): ${(run.perCpuSecond ?? 0) >= TARGET_RPS ? 'met' : 'NOT met'} (1-min load average during the run: ${cpus} on ${(await import('node:os')).cpus().length} cores)
status codes        ${Object.entries(run.statuses)
  .map(([s, c]) => `${s}: ${c}`)
  .join(' · ')}
unexpected status   ${Object.keys(run.unexpected).length === 0 ? 'none' : JSON.stringify(run.unexpected)}
valid items sent    ${run.validSent}
metricsReceived     ${run.metricsReceived} (sum of the handler's answers)
stored by collector ${stored}
lost valid items    ${run.validSent - run.metricsReceived} (answers) · ${run.validSent - stored} (stored)
5xx / failed        ${fiveXX}
`);
const ok =
  fiveXX === 0 &&
  run.validSent === run.metricsReceived &&
  run.validSent === stored &&
  Object.keys(run.unexpected).length === 0;
console.log(ok ? '✔ no 5xx, no lost valid items, every request answered as expected' : '✖ see above');
process.exit(ok ? 0 : 1);
