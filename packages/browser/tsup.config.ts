import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: ['src/index.ts'],
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  platform: 'browser',
  // Dependencies stay imports: @usermetrics/core is built one module per file, so the app's bundler puts
  // each of its files in the chunk that uses it. OpenReplay (optional peer) is loaded with a dynamic import
  // only when replay starts.
  external: ['@openreplay/tracker'],
};

export default defineConfig([
  // ESM (what browsers and app bundlers use): the entry is the loader (facade, queue, consent, session,
  // recording listeners); the runtime (transport, redaction, errors, vitals, Umami, replay loader) is a chunk
  // of its own, imported when the browser is idle after the load event.
  // Both builds run at once into dist: each cleans only its own files (stale hashed chunks included).
  { ...shared, format: 'esm', splitting: true, dts: true, clean: ['!**/*.cjs', '!**/*.cjs.map'] },
  // CJS (Node/SSR, older toolchains) stays one file: the dynamic import becomes a Promise-wrapped require.
  { ...shared, format: 'cjs', splitting: false, dts: true, clean: ['!**/*.js', '!**/*.js.map'] },
]);
