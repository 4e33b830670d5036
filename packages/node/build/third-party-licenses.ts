import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes dist/THIRD-PARTY-LICENSES.txt: the license of every package whose code tsup inlined into
 * dist/index.js (pino and its dependencies, see pino-for-lambda.ts), found from the `// node_modules/…`
 * section comments esbuild leaves in an unminified bundle. Throws when a license file is missing, so a new
 * inlined dependency cannot ship without its notice.
 */
export function writeThirdPartyLicenses(packageDir: string): string[] {
  const code = readFileSync(join(packageDir, 'dist', 'index.js'), 'utf8');
  const names = new Set<string>();
  for (const m of code.matchAll(/^\/\/ (?:\.\.\/)*node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm))
    names.add(m[1] as string);
  const sections = [...names].sort().map((name) => {
    const dir = join(packageDir, '..', '..', 'node_modules', name);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return `${name}@${version}\n\n${readFileSync(join(dir, 'LICENSE'), 'utf8').trim()}\n`;
  });
  writeFileSync(
    join(packageDir, 'dist', 'THIRD-PARTY-LICENSES.txt'),
    `Code of these packages is included in this package's dist/ files.\n\n${sections.join('\n---\n\n')}`,
  );
  return [...names];
}
