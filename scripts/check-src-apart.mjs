#!/usr/bin/env node
// Product code and test code apart: what a workspace ships lives in its `src/`, and nothing there may lean on test
// material. This check fails when a product file under any workspace's `src/` (tests beside the code, `*.test.*`,
// excepted) imports from a test folder, from a test file or from `@usermetrics/test-support`, or when `src/` holds
// a folder whose name says it is test material (`testing/`, `test-utils/`, `fixtures/`, `__mocks__/`), or a product
// file that only tests import (a corpus or fake beside the code it exercises). Corpora, fixtures and fakes belong in
// the workspace's `test/` folder or in packages/test-support (see CONTRIBUTING.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  'testing',
  'test-utils',
  'fixtures',
  '__mocks__',
  'bench',
]);
const SRC_TEST_DIRS = new Set(['testing', 'test-utils', 'fixtures', '__mocks__', '__tests__']);
const CODE = /\.(c|m)?(t|j)sx?$/;
const IS_TEST_FILE = /\.(test|spec|bench)\.(c|m)?(t|j)sx?$/;
// import … from 'x' / export … from 'x' / import 'x' / import('x') / require('x') / vi.mock('x')
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** The workspace folders named by the root package.json (`packages/*`, `examples/*`, `infra-reference`). */
function workspaces() {
  const globs = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [];
  return globs.flatMap((g) => {
    if (!g.endsWith('/*')) return [join(root, g)];
    const base = join(root, g.slice(0, -2));
    return existsSync(base) ? readdirSync(base).map((d) => join(base, d)) : [];
  });
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Whether a relative specifier from `file` lands in a test folder or on a test file. */
function reachesTestMaterial(file, specifier) {
  const target = resolve(dirname(file), specifier);
  const parts = relative(root, target).split(sep);
  return parts.some((p) => TEST_DIRS.has(p)) || IS_TEST_FILE.test(target);
}

/** The file a relative specifier names, trying the extensions TypeScript would (`./x.js` may mean `./x.ts`). */
function resolveFile(file, specifier) {
  const base = resolve(dirname(file), specifier).replace(/\.(c|m)?js$/, '');
  const candidates = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx', '/index.js'];
  for (const ext of candidates) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  const asWritten = resolve(dirname(file), specifier);
  return existsSync(asWritten) && statSync(asWritten).isFile() ? asWritten : undefined;
}

const problems = [];
/** product file → the files (test or product) that import it */
const importers = new Map();
let checked = 0;
for (const ws of workspaces()) {
  const src = join(ws, 'src');
  if (!existsSync(src)) continue;
  for (const file of walk(src)) {
    const rel = relative(root, file);
    const folders = relative(src, dirname(file)).split(sep);
    const testFolder = folders.find((f) => SRC_TEST_DIRS.has(f));
    if (testFolder) problems.push(`${rel}: test material under src/ (${testFolder}/); move it to test/`);
    if (!CODE.test(file) || folders.includes('__snapshots__')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      if (!m[1].startsWith('.')) continue;
      const target = resolveFile(file, m[1]);
      if (target?.startsWith(src + sep)) importers.set(target, [...(importers.get(target) ?? []), file]);
    }
    if (IS_TEST_FILE.test(file)) continue;
    checked++;
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1];
      const line = text.slice(0, m.index).split('\n').length;
      if (spec === '@usermetrics/test-support' || spec.startsWith('@usermetrics/test-support/')) {
        problems.push(`${rel}:${line}: product code imports ${spec}`);
      } else if (spec.startsWith('.') && reachesTestMaterial(file, spec)) {
        problems.push(`${rel}:${line}: product code imports test material ${spec}`);
      }
    }
  }
}

/** Whether a workspace's build config names the file as an entry (tsup.config.ts, index.html, package.json). */
function isEntry(file) {
  const ws = file.slice(0, file.lastIndexOf(`${sep}src${sep}`));
  const rel = relative(ws, file).split(sep).join('/');
  return readdirSync(ws)
    .filter((f) => /^(tsup\.config\.ts|vite\.config\.ts|index\.html|package\.json)$/.test(f))
    .some((f) => readFileSync(join(ws, f), 'utf8').includes(rel));
}

for (const [file, from] of importers) {
  if (IS_TEST_FILE.test(file) || !from.every((f) => IS_TEST_FILE.test(f)) || isEntry(file)) continue;
  problems.push(
    `${relative(root, file)}: only tests import it (${from.length} test files); move it to test/`,
  );
}

if (problems.length) {
  console.error('✖ Test material reached from product code (src/):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `✔ ${checked} product files under src/: none imports test material or is imported by tests alone`,
);
