// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A string that exists only in OpenReplay's tracker code, never in ours.
const OPENREPLAY_MARKER = 'Cannot parse given Error object';

describe('bundle split', () => {
  it('keeps OpenReplay out of the entry chunk and in a lazily loaded chunk of its own', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'um-split-'));
    try {
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
      const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
      const entry = readFileSync(join(outdir, 'index.js'), 'utf8');
      const chunks = files.filter((f) => f !== 'index.js').map((f) => readFileSync(join(outdir, f), 'utf8'));
      // positive control: OpenReplay was really bundled, just elsewhere
      expect(chunks.some((c) => c.includes(OPENREPLAY_MARKER))).toBe(true);
      expect(entry.includes(OPENREPLAY_MARKER)).toBe(false);
      // the entry reaches it only through a dynamic import
      expect(entry).toMatch(/import\(["']\.\/[\w-]+\.js["']\)/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
