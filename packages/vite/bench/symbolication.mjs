// `npm run bench`: the error-report handler's time per report with symbolication from a warm map cache, next to
// the same handler and the same report without `sourceMaps` (DESIGN §9), in one process, interleaved rounds.
// The report is a 5-frame Chromium stack into a real Vite production build of the test app (React + the plugin),
// positions taken from its map. dedupe is off so every report is logged in full; stdout is discarded for both.
// Run after `npm run build` (turbo's bench task depends on it).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatedPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { createErrorReportHandler } from '@usermetrics/node';
import { interleave, median, quartiles } from '@usermetrics/test-support/bench-lib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { usermetrics } from '../dist/index.js';

process.env.AWS_EMF_ENVIRONMENT ??= 'Local';
const RELEASE = 'bench-1';
const ROUNDS = 30;
const BATCH = 200;
const root = resolve(import.meta.dirname, '../test/app');
const work = mkdtempSync(join(tmpdir(), 'um-vite-bench-'));
const outDir = join(work, 'dist');
await build({
  root,
  configFile: false,
  logLevel: 'silent',
  mode: 'production',
  plugins: [react(), usermetrics({ release: RELEASE })],
  build: { outDir, emptyOutDir: true },
});
const mapsDir = join(work, '.usermetrics', 'sourcemaps');
const mapFile = readdirSync(join(mapsDir, RELEASE, 'assets')).find((f) => f.endsWith('.js.map'));
const map = new TraceMap(readFileSync(join(mapsDir, RELEASE, 'assets', mapFile), 'utf8'));
const url = `https://app.example.com/assets/${mapFile.replace(/\.map$/, '')}`;
const app = readFileSync(join(root, 'src/App.tsx'), 'utf8').split('\n');
const frames = ['throw new RangeError', 'return total', 'useState(100)', 'onClick', '<main>'].map(
  (needle, i) => {
    const line = app.findIndex((l) => l.includes(needle)) + 1;
    const pos = generatedPositionFor(map, { source: 'src/App.tsx', line, column: 0, bias: -1 });
    const at = pos.line === null ? { line: 1, column: 1 } : { line: pos.line, column: pos.column + 1 };
    return `    at f${i} (${url}:${at.line}:${at.column})`;
  },
);
const body = JSON.stringify({
  error: {
    message: 'negative total -5',
    type: 'RangeError',
    stack: `RangeError: negative total -5\n${frames.join('\n')}`,
  },
  context: {
    url: 'https://app.example.com/cart',
    sessionId: '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a',
    release: RELEASE,
  },
});
const event = {
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
  requestContext: { http: { method: 'POST' }, requestId: 'bench' },
  body,
};
const discard = { write: () => true };
const common = { environment: 'production', dedupe: false, stdout: discard };
const cases = {
  'without symbolication': createErrorReportHandler(common),
  'with symbolication, warm map cache': createErrorReportHandler({
    ...common,
    sourceMaps: { directory: mapsDir },
  }),
};
// Warm-up: loads and parses the map once, and proves the report really resolves.
const lines = [];
const probe = createErrorReportHandler({
  ...common,
  sourceMaps: { directory: mapsDir },
  stdout: { write: (l) => lines.push(l) },
});
await probe(event);
const resolved = JSON.parse(lines.find((l) => l.includes('"ERROR"'))).error.frames.filter(
  (f) => f.source,
).length;
if (resolved === 0) throw new Error('bench report did not resolve against the map');

// The repository's shared helpers: interleaved rounds (A, B, A, B, …) after 3 warm-up rounds, ms per op.
const run = Object.fromEntries(Object.entries(cases).map(([name, handler]) => [name, () => handler(event)]));
const samples = await interleave(run, { rounds: ROUNDS, batch: BATCH, async: true });
const us = (ms) => (ms * 1000).toFixed(1);
const [base, sym] = Object.values(samples).map((s) => median(s));
console.log(
  `\nError report handler, µs per report (median of ${ROUNDS} interleaved rounds × ${BATCH}, IQR in brackets)`,
);
console.log(
  `load average ${loadavg()[0].toFixed(2)}; ${resolved}/${frames.length} frames resolved per report\n`,
);
for (const [name, s] of Object.entries(samples)) {
  console.log(`  ${name.padEnd(36)} ${us(median(s)).padStart(8)} µs  [${quartiles(s).map(us).join('–')}]`);
}
console.log(
  `\n  symbolication adds ${us(sym - base)} µs per report (${(sym / base).toFixed(2)}× the handler without it)\n`,
);
