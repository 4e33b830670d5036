// Bundle size of @usermetrics/browser next to its anchors (DESIGN §9): web-vitals alone, Sentry errors-only and
// Grafana Faro, each bundled the same way (esbuild, browser, ESM, minified, code splitting on) and gzipped at
// level 9. Reports the initial chunk (what the page loads before its load event) and everything the entry can
// load (lazy chunks included). Run after `npm run build`: `node scripts/size-anchors.mjs [--json | --write]`
// (--write puts the table into the root README between its size-anchors markers).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');

/** Each entry does what an app does to get errors (and vitals where the library has them) reported. */
const cases = {
  'web-vitals alone': `import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
    const log = (m) => console.log(m.name, m.value);
    onCLS(log); onFCP(log); onINP(log); onLCP(log); onTTFB(log);`,
  '@usermetrics/browser (createTracker: vitals, errors, Umami, consent, transport; runtime loaded after load)': `import { createTracker } from '@usermetrics/browser';
    createTracker({ endpoint: 'https://api.example.com', umami: { websiteId: '00000000-0000-4000-8000-000000000000', hostUrl: 'https://umami.example.com' } });`,
  'Sentry errors-only (@sentry/browser init, no tracing/replay)': `import { init } from '@sentry/browser';
    init({ dsn: 'https://public@o0.ingest.sentry.io/0' });`,
  'Grafana Faro (initializeFaro + web instrumentations)': `import { getWebInstrumentations, initializeFaro } from '@grafana/faro-web-sdk';
    initializeFaro({ url: 'https://collector.example.com/collect', app: { name: 'app' }, instrumentations: getWebInstrumentations() });`,
};

const version = (pkg) => {
  const nested = join(root, 'packages/browser/node_modules', pkg, 'package.json');
  const file = existsSync(nested) ? nested : join(root, 'node_modules', pkg, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
};
const versions = ['web-vitals', '@sentry/browser', '@grafana/faro-web-sdk', 'esbuild'].map(
  (p) => `${p} ${version(p)}`,
);

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const results = [];
for (const [name, source] of Object.entries(cases)) {
  const dir = mkdtempSync(join(tmpdir(), 'usermetrics-size-'));
  try {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, source);
    const out = await build({
      entryPoints: [entry],
      absWorkingDir: root,
      // The browser package's own web-vitals first (the root may hoist another major for other tools).
      nodePaths: [join(root, 'packages/browser/node_modules'), join(root, 'node_modules')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      outdir: join(dir, 'out'),
      metafile: true,
      write: true,
      logLevel: 'error',
      // Sentry's documented tree-shaking flags for a production errors-only setup.
      define: {
        __SENTRY_DEBUG__: 'false',
        __SENTRY_TRACING__: 'false',
        'process.env.NODE_ENV': '"production"',
      },
      // OpenReplay is an optional peer that the tracker imports only when replay is configured.
      external: ['@openreplay/tracker'],
    });
    let initial = 0;
    let total = 0;
    for (const [file, meta] of Object.entries(out.metafile.outputs)) {
      if (!file.endsWith('.js')) continue;
      const size = gz(readFileSync(join(root, file)));
      total += size;
      // esbuild gives every dynamically imported chunk an entryPoint too: the page's entry is ours.
      if (meta.entryPoint?.endsWith('entry.mjs')) initial = size;
      else if (relative(dir, join(root, file)).startsWith('..')) throw new Error(`unexpected output ${file}`);
    }
    // Chunks the entry imports statically, and the ones those import in turn, also load before the page's
    // load event; chunks reached only through a dynamic import() (the tracker's runtime, replay) do not.
    const outputs = out.metafile.outputs;
    const entryFile = Object.keys(outputs).find((f) => outputs[f].entryPoint?.endsWith('entry.mjs'));
    const seen = new Set([entryFile]);
    const pending = [entryFile];
    while (pending.length > 0) {
      for (const imp of outputs[pending.pop()].imports) {
        if (imp.kind !== 'import-statement' || imp.external || seen.has(imp.path)) continue;
        seen.add(imp.path);
        pending.push(imp.path);
        initial += gz(readFileSync(join(root, imp.path)));
      }
    }
    results.push({ name, initialBytes: initial, totalBytes: total });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const anchor = results[0].initialBytes;
  const kb = (b) => `${(b / 1000).toFixed(2)} kB`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with ${versions.join(', ')}, Node ${process.version}.`,
    '',
    '| bundle (esbuild, min, gzip -9) | initial chunk | vs web-vitals alone | everything it can load |',
    '|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${kb(r.initialBytes)} | ${(r.initialBytes / anchor).toFixed(2)}× | ${kb(r.totalBytes)} |`,
    ),
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) {
    // Rewrites the table between the markers in the root README.
    const readme = join(root, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const pattern = /(<!-- size-anchors:start -->\n)[\s\S]*?(<!-- size-anchors:end -->)/;
    if (!pattern.test(text)) throw new Error('README.md has no size-anchors markers');
    writeFileSync(
      readme,
      text.replace(pattern, (_, a, b) => `${a}${lines.join('\n')}\n${b}`),
    );
  }
}
