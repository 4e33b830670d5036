import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const USE_CLIENT = "'use client';";

/**
 * Puts `'use client'` (Next.js / React Server Components) back at the top of every built JS file. Rollup's
 * tree-shaking pass below drops module-level directives, so a `banner` would not survive it. The source map
 * gets one empty line in front so every mapping still points at the right line.
 */
export async function addUseClient(outDir: string): Promise<void> {
  const files = (await readdir(outDir)).filter((f) => /\.c?js$/.test(f));
  await Promise.all(
    files.map(async (file) => {
      const path = join(outDir, file);
      const code = await readFile(path, 'utf8');
      if (code.startsWith(USE_CLIENT)) return;
      await writeFile(path, `${USE_CLIENT}\n${code}`);
      const map = JSON.parse(await readFile(`${path}.map`, 'utf8')) as { mappings: string };
      map.mappings = `;${map.mappings}`;
      await writeFile(`${path}.map`, JSON.stringify(map));
    }),
  );
}

/** The build, without `onSuccess` and `outDir` so a test can run it into another folder. */
export const buildOptions: Options = {
  entry: ['src/index.ts', 'src/router.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Rollup's pass merges the imports each module makes of react, react/jsx-runtime and @usermetrics/browser
  // into one statement per package (esbuild alone keeps one per module): about 50 B less min+gzip for the
  // size budget. It drops the 'use client' directive, which addUseClient restores.
  treeshake: true,
  target: 'es2022',
  // 'neutral', not 'browser': esbuild would otherwise bake `process.env.NODE_ENV` into dist as "development" (this build
  // is not minified), keeping dev warnings in every app; left as is, the app's bundler decides (see dev-warning.ts).
  platform: 'neutral',
  // The router entry imports the main entry by package name so both share one React context (in CJS too).
  external: ['@usermetrics/react'],
};

export default defineConfig({
  ...buildOptions,
  outDir: 'dist',
  onSuccess: () => addUseClient('dist'),
});
