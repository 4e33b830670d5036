// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A string that exists only in OpenReplay's tracker code, never in ours.
const OPENREPLAY_MARKER = 'Cannot parse given Error object';
// Part of core's sensitive-key pattern: only the redaction engine carries it.
const REDACTION_MARKER = 'privatekey|creditcard';
// An entry type only web-vitals observes.
const WEB_VITALS_MARKER = 'largest-contentful-paint';
// A debug message of the runtime (src/runtime/start-runtime.ts).
const RUNTIME_MARKER = 'check allowedOrigins';
// A debug message of our replay code (src/features/replay-feature.ts).
const REPLAY_MARKER = 'replay sampled out';
// The loader's own: the warning of trackEvent without Umami (src/tracker/start-tracker.ts).
const LOADER_MARKER = 'needs umami: { websiteId, hostUrl }';

/**
 * Builds src/index.ts as an app's bundler would (esbuild: ESM, splitting, minified), with @usermetrics/core
 * resolved to its built package — no plugin: core's file-per-module build is what lets the split work.
 */
async function buildSplit(outdir: string) {
  await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    outdir,
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
  it('keeps OpenReplay, redaction, web-vitals, the runtime and replay out of the initial chunks, in lazy ones', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'um-split-'));
    try {
      const { entry, initial, lazy } = await buildSplit(outdir);
      // positive control: the loader's own code is in the initial chunks
      expect(initial).toContain(LOADER_MARKER);
      // positive controls: each marker was really bundled, just elsewhere
      for (const marker of [
        OPENREPLAY_MARKER,
        REDACTION_MARKER,
        WEB_VITALS_MARKER,
        RUNTIME_MARKER,
        REPLAY_MARKER,
      ]) {
        expect(
          lazy.some((c) => c.code.includes(marker)),
          marker,
        ).toBe(true);
        expect(initial.includes(marker), marker).toBe(false);
      }
      // the entry reaches the runtime only through a dynamic import, and the runtime reaches replay the same way
      const runtime = lazy.find((c) => c.code.includes(RUNTIME_MARKER));
      const replay = lazy.find((c) => c.code.includes(REPLAY_MARKER));
      expect(entry).toContain(`import("./${runtime?.file}")`);
      expect(runtime?.code).toContain(`import("./${replay?.file}")`);
      expect(runtime?.code).not.toContain(REPLAY_MARKER);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
