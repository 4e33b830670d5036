import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
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

// SST's banner: bundled CommonJS (pino, untrimmed) needs a require in an ES module.
const SST_BANNER =
  "import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);";

/**
 * esbuild bundle of the package's src/index.ts as an ES module for Node 20, as a function bundler makes it.
 * `external`: `true` keeps every dependency external, a list keeps those, `false` inlines all (as SST does).
 * Without `plugins`, an inlined pino gets SST's `require` banner; with them (the package's own pino trim),
 * the bundle must do without one, as dist/ does.
 */
export async function bundlePackage(
  outfile: string,
  options: { external: boolean | string[]; plugins?: Plugin[] },
): Promise<string> {
  const { external, plugins = [] } = options;
  await build({
    entryPoints: [join(pkg, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    ...(external === true ? { packages: 'external' as const } : { external: external || [] }),
    banner: external !== true && plugins.length === 0 ? { js: SST_BANNER } : undefined,
    plugins,
  });
  return outfile;
}
