import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { usermetrics } from '../src/index';
import type { UsermetricsViteOptions } from '../src/types';

/** The fixture app: a React page whose button throws in `applyDiscount` of `src/App.tsx`. */
export const APP_ROOT = resolve(import.meta.dirname, 'app');

/** The line of `src/App.tsx` that throws, read from the file so an edit cannot make the tests lie. */
export const THROW_LINE =
  readFileSync(join(APP_ROOT, 'src/App.tsx'), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes('throw new RangeError')) + 1;

/** A real production build of the fixture app with the plugin, into a fresh temp folder. */
export async function buildApp(options: UsermetricsViteOptions = { release: 'test-1.0.0' }) {
  const work = mkdtempSync(join(tmpdir(), 'um-vite-'));
  const outDir = join(work, 'dist');
  await build({
    root: APP_ROOT,
    configFile: false,
    logLevel: 'silent',
    mode: 'staging',
    plugins: [react(), usermetrics(options)],
    build: { outDir, emptyOutDir: true },
  });
  return { work, outDir, mapsRoot: join(work, '.usermetrics', 'sourcemaps') };
}
