import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertChromium } from '@usermetrics/test-support/chromium';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Runs once before the e2e files: fails at once without Chromium, (re)builds @usermetrics/browser when its
 * dist is missing or older than its sources (the page must use the package as users get it), then builds the
 * test page with Vite into a temp folder that the test files serve.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    e2eAppDir: string;
    /** URL path of the chunk Vite emitted for @openreplay/tracker, e.g. `/assets/entry-abc.js`. */
    e2eReplayChunk: string;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '../../..');
const repoRoot = resolve(packageDir, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// The React page uses @usermetrics/react (which builds browser and core first).
const BUILT = ['core', 'browser', 'react'].map((name) => join(repoRoot, 'packages', name));

function ensurePackageBuilt(): void {
  const stale = BUILT.some((dir) => {
    const dist = join(dir, 'dist/index.js');
    return !existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(dir, 'src'));
  });
  if (!stale) return;
  console.log('[e2e] building @usermetrics/react and its dependencies (dist missing or older than src) …');
  const result = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@usermetrics/react', '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('[e2e] building @usermetrics/react failed; see the output above.');
}

/** Builds the page(s) under `root` with Vite; returns the manifest so callers can find emitted chunks. */
export async function buildPages(root: string, outDir: string, inputs: Record<string, string>) {
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      chunkSizeWarningLimit: 2048,
      rollupOptions: {
        input: inputs,
        // @usermetrics/react starts with 'use client' (for React Server Components); a client bundle drops it.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; src?: string; isDynamicEntry?: boolean; isEntry?: boolean }
  >;
}

export default async function setup(project: TestProject) {
  assertChromium();
  ensurePackageBuilt();
  const appRoot = resolve(here, '../app');
  const outDir = mkdtempSync(join(tmpdir(), 'usermetrics-e2e-'));
  const manifest = await buildPages(appRoot, outDir, {
    index: join(appRoot, 'index.html'),
    raw: join(appRoot, 'raw.html'),
    react: join(appRoot, 'react.html'),
  });
  const replay = Object.entries(manifest).find(([key]) => key.includes('@openreplay/tracker'));
  if (!replay)
    throw new Error(
      '[e2e] Vite emitted no chunk for @openreplay/tracker; the manifest lists: ' +
        Object.keys(manifest).join(', '),
    );
  project.provide('e2eAppDir', outDir);
  project.provide('e2eReplayChunk', `/${replay[1].file}`);
  return () => rmSync(outDir, { recursive: true, force: true });
}
