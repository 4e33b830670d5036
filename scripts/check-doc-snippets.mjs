#!/usr/bin/env node
// Docs never rot: every ```ts / ```tsx block in the READMEs and docs/ is type-checked against the BUILT packages
// (what a user installs), under the compiler settings a user's own project has — not this repository's:
//   - browser code (tsx, or imports of @usermetrics/browser, @usermetrics/react, react…) under the tsconfig.app.json
//     that create-vite's react-ts template writes today (strict, noUnusedLocals, noUnusedParameters,
//     verbatimModuleSyntax, erasableSyntaxOnly, moduleResolution bundler, vite/client types);
//   - Lambda code (imports of @usermetrics/node, @usermetrics/middy, @middy/core, aws-lambda) as a plain Node ESM
//     project ("type": "module", module nodenext, the same strictness, Node types, no DOM);
//   - code that imports only @usermetrics/core under both.
// Each block becomes its own module and one `tsc --noEmit` per project checks them all. A block can opt out with a
// first line `// doc-snippet: skip` (use it for fragments, say why in the block). A block may not declare a
// placeholder (`declare function App()`): it compiles and crashes when pasted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = '.doc-snippets';
const sources = [
  'README.md',
  ...readdirSync('packages').map((p) => join('packages', p, 'README.md')),
  ...(existsSync('docs')
    ? readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f))
    : []),
].filter((f) => existsSync(f));

/** create-vite 9's template-react-ts/tsconfig.app.json, with `strict` spelled out (TypeScript 7's default). */
const viteApp = {
  compilerOptions: {
    target: 'es2023',
    lib: ['ES2023', 'DOM'],
    module: 'esnext',
    types: ['vite/client'],
    allowArbitraryExtensions: true,
    skipLibCheck: true,
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    jsx: 'react-jsx',
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    erasableSyntaxOnly: true,
    noFallthroughCasesInSwitch: true,
  },
  include: ['*.ts', '*.tsx'],
};

/** A plain Node ESM Lambda project: `"type": "module"`, `module: nodenext`, the same strictness. */
const nodeEsm = {
  compilerOptions: {
    target: 'es2023',
    lib: ['ES2023'],
    module: 'nodenext',
    types: ['node'],
    skipLibCheck: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noFallthroughCasesInSwitch: true,
  },
  include: ['*.ts'],
};

const BROWSER_IMPORT =
  /from '(@usermetrics\/(browser|react)[^']*|react[^']*|react-dom[^']*|react-router[^']*)'/;
const NODE_IMPORT = /from '(@usermetrics\/(node|middy)|@middy\/core|aws-lambda|node:[^']*)'/;

rmSync(outDir, { recursive: true, force: true });
const projects = { vite: join(outDir, 'vite-app'), node: join(outDir, 'node-esm') };
for (const dir of Object.values(projects)) mkdirSync(dir, { recursive: true });
const counts = { vite: 0, node: 0 };
const placeholders = [];
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/^```(ts|tsx|typescript)\s*\n([\s\S]*?)^```/gm)];
  for (const m of blocks) {
    const code = m[2];
    if (code.startsWith('// doc-snippet: skip')) continue;
    const ext = m[1] === 'tsx' ? 'tsx' : 'ts';
    // The file name carries the markdown line of the block's first code line, so a tsc error points at it.
    const line = text.slice(0, m.index).split('\n').length + 1;
    const name = `${file.replace(/[/.]/g, '_')}_line${line}.${ext}`;
    if (/^declare (function|const|let|class) /m.test(code)) placeholders.push(`${file}:${line}`);
    const browser = ext === 'tsx' || BROWSER_IMPORT.test(code);
    const node = NODE_IMPORT.test(code);
    const targets = browser && !node ? ['vite'] : node && !browser ? ['node'] : ['vite', 'node'];
    for (const target of targets) {
      if (target === 'node' && ext === 'tsx') continue;
      writeFileSync(join(projects[target], name), `${code}\nexport {};\n`);
      counts[target]++;
    }
  }
}
writeFileSync(join(projects.vite, 'tsconfig.json'), JSON.stringify(viteApp, null, 2));
// What a new Vite app has next to main.tsx, so snippets import `App from './App.tsx'` as a user's main.tsx does.
writeFileSync(join(projects.vite, 'App.tsx'), 'export default function App() {\n  return <h1>App</h1>;\n}\n');
writeFileSync(join(projects.node, 'tsconfig.json'), JSON.stringify(nodeEsm, null, 2));
writeFileSync(join(projects.node, 'package.json'), JSON.stringify({ type: 'module', private: true }));

let status = 0;
for (const [target, dir] of Object.entries(projects)) {
  const what = target === 'vite' ? "a new Vite React app's tsconfig.app.json" : 'a plain Node ESM project';
  console.log(
    `Type-checking ${counts[target]} code blocks from ${sources.length} markdown files as ${what}…`,
  );
  const r = spawnSync('npx', ['tsc', '--noEmit', '-p', dir], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
if (placeholders.length > 0) {
  console.error(
    `Code blocks that declare a placeholder (it compiles, then crashes when pasted): ${placeholders.join(', ')}. ` +
      'Define the value in the block instead.',
  );
  status = 1;
}
if (status === 0) rmSync(outDir, { recursive: true, force: true });
process.exit(status);
