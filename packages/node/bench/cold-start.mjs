// (b) Cold start added by each library, measured the way SST deploys a function: an esbuild bundle
// (node20, ESM, minified, with SST's createRequire banner), run in a fresh `node` process: import + first
// invocation with one metric and one log line. Variants are interleaved run by run; the result is the
// median per variant and the median minus bare.
import { fork } from 'node:child_process';
import { mkdtempSync, openSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, quartiles, report } from '@usermetrics/test-support/bench-lib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.COLD_RUNS ?? 20);
const variants = ['bare', 'usermetrics', 'powertools', 'emf-pino', 'pino-only'];
const outDir = mkdtempSync(join(tmpdir(), 'usermetrics-cold-'));
const banner =
  "import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);";

const bundles = {};
for (const v of variants) {
  const outfile = join(outDir, `${v}.mjs`);
  await build({
    entryPoints: [join(here, 'cold-start', `${v}.mjs`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    banner: { js: banner },
    outfile,
    logLevel: 'error',
  });
  bundles[v] = { path: outfile, bytes: statSync(outfile).size };
}

// Reported, not budgeted: the same handlers imported unbundled from node_modules (how they run locally).
for (const v of ['usermetrics', 'powertools']) {
  const path = join(here, 'cold-start', `${v}.mjs`);
  bundles[`${v} (unbundled)`] = { path, bytes: statSync(path).size };
}
const runOrder = Object.keys(bundles);

const devNull = openSync('/dev/null', 'w');
const env = {
  ...process.env,
  AWS_LAMBDA_FUNCTION_NAME: 'bench-fn',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/bench-fn',
  AWS_REGION: 'eu-west-1',
  USERMETRICS_ENVIRONMENT: 'bench',
};
delete env.AWS_EMF_ENVIRONMENT;

function once(bundle) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'cold-start', 'measure.mjs'), [bundle], {
      stdio: ['ignore', devNull, 'inherit', 'ipc'],
      env,
    });
    let sample;
    child.on('message', (m) => {
      sample = m;
    });
    child.on('exit', (code) =>
      code === 0 && sample !== undefined ? resolve(sample) : reject(new Error(`exit ${code}`)),
    );
  });
}

const samples = Object.fromEntries(runOrder.map((v) => [v, []]));
const cpuSamples = Object.fromEntries(runOrder.map((v) => [v, []]));
for (const v of runOrder) await once(bundles[v].path); // warm the file cache
for (let r = 0; r < RUNS; r++) {
  for (const v of runOrder) {
    const { ms, cpuMs } = await once(bundles[v].path);
    samples[v].push(ms);
    cpuSamples[v].push(cpuMs);
  }
}

const bareMedian = median(samples.bare);
const bareCpu = median(cpuSamples.bare);
const results = {};
for (const v of runOrder) {
  results[v] = {
    medianMs: median(samples[v]),
    iqrMs: quartiles(samples[v]),
    addedMs: median(samples[v]) - bareMedian,
    medianCpuMs: median(cpuSamples[v]),
    addedCpuMs: median(cpuSamples[v]) - bareCpu,
    bundleBytes: bundles[v].bytes,
  };
}
report({ scenario: 'coldStart', runs: RUNS, results });
