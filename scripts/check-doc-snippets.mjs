#!/usr/bin/env node
// Docs never rot: every ```ts / ```tsx block in the READMEs and docs/ is type-checked against the BUILT packages
// (what a user installs). Each block becomes its own module under .doc-snippets/ and one `tsc --noEmit` checks all.
// A block can opt out with a first line `// doc-snippet: skip` (use it for fragments, say why in the block).
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

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir);
let count = 0;
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
    writeFileSync(join(outDir, name), `${code}\nexport {};\n`);
    count++;
  }
}
writeFileSync(
  join(outDir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.base.json',
    compilerOptions: {
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      jsx: 'react-jsx',
      noUnusedLocals: false,
      module: 'ESNext',
      moduleResolution: 'Bundler',
    },
    include: ['*.ts', '*.tsx'],
  }),
);
console.log(`Type-checking ${count} code blocks from ${sources.length} markdown files…`);
const r = spawnSync('npx', ['tsc', '--noEmit', '-p', outDir], { stdio: 'inherit' });
if (r.status === 0) rmSync(outDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
