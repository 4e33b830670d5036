import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/router.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // tsup's extra rollup tree-shaking pass drops module-level directives, and with them the 'use client' banner
  // that Next.js / RSC need; esbuild's own tree-shaking is enough for a package this small.
  treeshake: false,
  target: 'es2022',
  // 'neutral', not 'browser': esbuild would otherwise bake `process.env.NODE_ENV` into dist as "development" (this build
  // is not minified), keeping dev warnings in every app; left as is, the app's bundler decides (see dev-warning.ts).
  platform: 'neutral',
  // The router entry imports the main entry by package name so both share one React context (in CJS too).
  external: ['@usermetrics/react'],
  banner: { js: "'use client';" },
});
