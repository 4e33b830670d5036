import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { bundlePackage, driverFolder } from './bundle-in-child';
import { errorReportHandler, fromMemory, report } from './ingestion/symbolication-case';

// The source-map library is evaluated only when a handler with `sourceMaps` parses a map (#13 item 4): a
// handler without the option — most of them — never pays for it at cold start or per report.
const evaluated = vi.hoisted(() => ({ count: 0 }));
vi.mock('@jridgewell/trace-mapping', async (importOriginal) => {
  evaluated.count++;
  return importOriginal();
});

const PKG = fileURLToPath(new URL('..', import.meta.url));
describe('symbolication is loaded lazily', () => {
  it('a handler without sourceMaps never loads the source-map library; one with it does, on first use', async () => {
    const plain = errorReportHandler({});
    expect((await plain.handler(report())).statusCode).toBe(200);
    expect(evaluated.count).toBe(0);

    // Positive control: the probe sees the library once a handler with sourceMaps symbolicates.
    const withMaps = errorReportHandler({ sourceMaps: fromMemory });
    expect(evaluated.count).toBe(0);
    expect((await withMaps.handler(report())).statusCode).toBe(200);
    expect(evaluated.count).toBe(1);
    const line = withMaps.out.logs().find((l) => l.level === 'ERROR');
    const error = line?.error as { frames?: unknown[] } | undefined;
    expect(error?.frames?.length).toBeGreaterThan(0);
  });

  const dir = driverFolder('lazy-symbolication-', '');
  it('the package bundled with its dependencies external imports the library only with import(), node:crypto not at load', async () => {
    const file = await bundlePackage(join(dir, 'external.mjs'), { external: true });
    const code = readFileSync(file, 'utf8');
    // Positive control: the bundle does reach the library, through a dynamic import.
    expect(code).toMatch(/import\(\s*["']@jridgewell\/trace-mapping["']\s*\)/);
    expect(code).not.toMatch(/from\s*["']@jridgewell\/trace-mapping["']/);
    expect(code).not.toMatch(/import\s*["']@jridgewell\/trace-mapping["']/);
    // node:crypto (and uuid's node build, which imports it) is not a static import of the bundle: it is
    // taken on first use (positive control: the specifier is there, for process.getBuiltinModule).
    expect(code).toContain('"node:crypto"');
    expect(code).not.toMatch(/(from|import)\s*["'](node:)?crypto["']/);
  });

  it('a handler bundled as SST deploys it (every dependency inlined) loads no crypto at import, uuid included', async () => {
    const entry = join(dir, 'handler.mjs');
    writeFileSync(
      entry,
      `import { createLogger, metrics, withUsermetrics } from ${JSON.stringify(join(PKG, 'src', 'index.ts'))};
const logger = createLogger('fn');
export const handler = withUsermetrics(async () => { metrics.add('Orders', 1, 'Count'); logger.info('x'); return 1; });`,
    );
    const outfile = join(dir, 'handler.bundle.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    const code = readFileSync(outfile, 'utf8');
    // Positive control: the probe does see the static built-in imports a bundle keeps.
    expect(code).toMatch(/from\s*"node:async_hooks"/);
    expect(code).not.toMatch(/(from|import)\s*"(node:)?crypto"/);
  });
});
