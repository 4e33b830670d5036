// Runs every benchmark scenario, each in a fresh process with stdout to /dev/null, and prints the medians
// and ratios. `--write-doc` also regenerates ../BENCHMARKS.md from the results. Run after `npm run build`.
import { fork } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown, renderReadmeBlocks, replaceBlock } from './render-markdown.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const devNull = openSync('/dev/null', 'w');
// The middy front door is benchmarked by packages/middy/bench/overhead.mjs, run here as a separate process and
// merged by its JSON: this package never imports @usermetrics/middy (#13 item 6). Needs middy built.
const MIDDY_BENCH = join(here, '..', '..', 'middy', 'bench', 'overhead.mjs');
const scenarios = [
  'overhead.mjs',
  MIDDY_BENCH,
  'emf-throughput.mjs',
  'log-throughput.mjs',
  'cold-start.mjs',
  'hostile.mjs',
];

function run(script) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, AWS_EMF_ENVIRONMENT: 'Local', AWS_LAMBDA_FUNCTION_NAME: 'bench-fn' };
    const child = fork(script.startsWith('/') ? script : join(here, script), [], {
      stdio: ['ignore', devNull, 'inherit', 'ipc'],
      env,
    });
    let result;
    child.on('message', (m) => {
      result = m;
    });
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`${script} exited ${code}`)),
    );
  });
}

const started = Date.now();
const loadBefore = loadavg()[0];
const results = {};
for (const s of scenarios) {
  const r = await run(s);
  results[r.scenario] = r;
  process.stderr.write(
    `done ${s.split('/').slice(-3).join('/')} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverage: [loadBefore, loadavg()[0]],
  seconds: (Date.now() - started) / 1000,
};
const all = { meta, results };
const file = join(tmpdir(), 'usermetrics-bench-results.json');
writeFileSync(file, JSON.stringify(all, null, 2));
const md = renderMarkdown(all);
process.stdout.write(md);
if (process.argv.includes('--write-doc')) {
  writeFileSync(join(here, '..', 'BENCHMARKS.md'), md);
  // The README figure blocks come from the same run, between their markers.
  const blocks = renderReadmeBlocks(all);
  for (const [file, text] of [
    [join(here, '..', 'README.md'), blocks.node],
    [join(here, '..', '..', 'middy', 'README.md'), blocks.middy],
  ])
    writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), text));
}
process.stderr.write(`results: ${file}\n`);
