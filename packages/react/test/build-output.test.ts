// @vitest-environment node
// The real build (tsup with the package's options) into a temporary folder: what npm users get.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';
import { addUseClient, buildOptions } from '../tsup.config';

const USE_CLIENT = "'use client';";

function readOutput(dir: string): Map<string, { code: string; mappings: string }> {
  const files = readdirSync(dir).filter((f) => /\.c?js$/.test(f));
  return new Map(
    files.map((f) => [
      f,
      {
        code: readFileSync(join(dir, f), 'utf8'),
        mappings: (JSON.parse(readFileSync(join(dir, `${f}.map`), 'utf8')) as { mappings: string }).mappings,
      },
    ]),
  );
}

describe('build output', () => {
  it("starts every JS file with 'use client', imports each package once, and keeps source maps aligned", async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'um-react-build-'));
    try {
      await build({ ...buildOptions, outDir, dts: false, silent: true, config: false });
      const before = readOutput(outDir);
      expect([...before.keys()]).toEqual(
        expect.arrayContaining(['index.js', 'index.cjs', 'router.js', 'router.cjs']),
      );
      // Positive control: the tree-shaking pass really drops the directive, so what follows tests addUseClient.
      for (const [file, { code }] of before) expect(code.startsWith(USE_CLIENT), file).toBe(false);

      await addUseClient(outDir);
      await addUseClient(outDir); // idempotent: a second run adds nothing
      const after = readOutput(outDir);
      for (const [file, { code, mappings }] of before) {
        expect(after.get(file)?.code, file).toBe(`${USE_CLIENT}\n${code}`);
        // One more (empty) line of mappings in front: every generated line still maps to its source line.
        expect(after.get(file)?.mappings, file).toBe(`;${mappings}`);
      }

      const index = after.get('index.js')?.code ?? '';
      for (const pkg of ['react', 'react/jsx-runtime', '@usermetrics/browser']) {
        expect(index.match(new RegExp(`from ['"]${pkg}['"]`, 'g')), pkg).toHaveLength(1);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
