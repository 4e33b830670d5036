import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/**
 * A temporary folder inside the package (so a bundle with external dependencies resolves them from
 * node_modules) holding `driver.mjs`, removed after the test file. Returns the folder.
 */
export function driverFolder(prefix: string, driver: string): string {
  mkdirSync(join(pkg, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join(pkg, 'node_modules', '.cache', prefix));
  writeFileSync(join(dir, 'driver.mjs'), driver);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** esbuild bundle of the package's src/index.ts as an ES module for Node 20, as a function bundler makes it. */
export async function bundlePackage(outfile: string, options: { external: boolean }): Promise<string> {
  await build({
    entryPoints: [join(pkg, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    ...(options.external
      ? { packages: 'external' as const }
      : {
          // SST's banner: bundled CommonJS (pino) needs a require in an ES module.
          banner: {
            js: "import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);",
          },
        }),
  });
  return outfile;
}
