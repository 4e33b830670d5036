// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { coreSplitPlugin } from '../build/core-split-plugin';

// A string that exists only in OpenReplay's tracker code, never in ours.
const OPENREPLAY_MARKER = 'Cannot parse given Error object';
// Part of core's sensitive-key pattern: only the redaction engine carries it.
const REDACTION_MARKER = 'privatekey|creditcard';
// A debug message of the features module (src/features/features.ts).
const FEATURES_MARKER = 'replay sampled out';

/** Builds src/index.ts the way tsup does (ESM, splitting, core from sources), minified. */
async function buildSplit(outdir: string) {
  await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    outdir,
    plugins: [coreSplitPlugin()],
    logLevel: 'silent',
  });
  const read = (f: string) => readFileSync(join(outdir, f), 'utf8');
  const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
  const entry = read('index.js');
  // What the browser loads before anything lazy: the entry and the chunks it imports statically.
  const staticImports = [...entry.matchAll(/from\s*["']\.\/([\w-]+\.js)["']/g)].map((m) => m[1] as string);
  const initial = [entry, ...staticImports.map(read)].join('\n');
  const lazy = files.filter((f) => f !== 'index.js' && !staticImports.includes(f));
  return { entry, initial, lazy: lazy.map((f) => ({ file: f, code: read(f) })) };
}

describe('bundle split', () => {
  it('keeps OpenReplay, redaction and the features out of the initial chunks, in lazily loaded ones', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'um-split-'));
    try {
      const { entry, initial, lazy } = await buildSplit(outdir);
      // positive controls: each marker was really bundled, just elsewhere
      for (const marker of [OPENREPLAY_MARKER, REDACTION_MARKER, FEATURES_MARKER]) {
        expect(
          lazy.some((c) => c.code.includes(marker)),
          marker,
        ).toBe(true);
        expect(initial.includes(marker), marker).toBe(false);
      }
      // the entry reaches the features only through a dynamic import
      const features = lazy.find((c) => c.code.includes(FEATURES_MARKER))?.file ?? '';
      expect(entry).toContain(`import("./${features}")`);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
