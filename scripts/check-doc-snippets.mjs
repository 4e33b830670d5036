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
  const blocks = [...readFileSync(file, 'utf8').matchAll(/^```(ts|tsx|typescript)\s*\n([\s\S]*?)^```/gm)];
  blocks.forEach((m, i) => {
    const code = m[2];
    if (code.startsWith('// doc-snippet: skip')) return;
    const ext = m[1] === 'tsx' ? 'tsx' : 'ts';
    const name = `${file.replace(/[/.]/g, '_')}_${i + 1}.${ext}`;
    writeFileSync(join(outDir, name), `// from ${file}, block ${i + 1}\n${code}\nexport {};\n`);
    count++;
  });
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
