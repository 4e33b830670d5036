import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usermetrics } from '../src/index';
import { buildApp } from './build-app';

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('usermetrics() in a real vite build', () => {
  it('emits hidden source maps, moves them out of the public output, and leaves none behind', async () => {
    const { outDir, mapsRoot } = await buildApp({ release: 'test-1.0.0' });

    const published = filesUnder(outDir);
    const maps = filesUnder(join(mapsRoot, 'test-1.0.0'));
    // Positive control: the build produced JavaScript, and maps for it.
    const scripts = published.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(maps).toEqual(scripts.map((f) => `${f}.map`));
    expect(published.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const script of scripts) {
      expect(readFileSync(join(outDir, script), 'utf8')).not.toContain('sourceMappingURL');
    }
    const map = JSON.parse(readFileSync(join(mapsRoot, 'test-1.0.0', maps[0] as string), 'utf8'));
    // Sources are relative to the project root, as a reader of a frame expects them.
    expect(map.sources).toContain('src/App.tsx');
  });

  it('gives the app its release and Vite mode as import.meta.env values', async () => {
    const { outDir } = await buildApp({ release: 'test-2.0.0' });

    const code = filesUnder(outDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    // The minifier may quote with backticks: look for the value as a whole string literal either way.
    expect(code).toMatch(/["'`]test-2\.0\.0["'`]/);
    expect(code).toMatch(/["'`]staging["'`]/);
    expect(code).not.toContain('VITE_USERMETRICS_RELEASE');
  });

  it('fails the build with a clear message for a release that cannot name a folder', async () => {
    await expect(buildApp({ release: '../../etc' })).rejects.toThrow(/cannot name a source-map folder/);
  });

  it('does nothing in vite serve', () => {
    expect(usermetrics().apply).toBe('build');
  });
});
