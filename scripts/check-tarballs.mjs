#!/usr/bin/env node
// Release gate: every published package's tarball holds only dist/, README, LICENSE, CHANGELOG and package.json,
// and `npm publish --dry-run` accepts it. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const allowed = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
const required = ['package.json', 'README.md', 'LICENSE'];
let failed = false;

for (const dir of readdirSync('packages').map((d) => join('packages', d))) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' }),
  );
  const files = pack.files.map((f) => f.path);
  const stray = files.filter((f) => !allowed.test(f));
  const missing = [
    ...required,
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
  ].filter((f) => !files.includes(f));
  execFileSync('npm', ['publish', '--dry-run', '--provenance=false', '--tag', 'dry-run'], {
    cwd: dir,
    stdio: 'pipe',
  });
  const kb = (pack.size / 1024).toFixed(1);
  if (stray.length || missing.length) {
    failed = true;
    console.error(`✖ ${pkg.name}: stray ${JSON.stringify(stray)} missing ${JSON.stringify(missing)}`);
  } else
    console.log(`✔ ${pkg.name}@${pkg.version}: ${files.length} files, ${kb} KB packed, publish --dry-run ok`);
}
process.exit(failed ? 1 : 0);
