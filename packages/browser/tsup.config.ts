import { defineConfig, type Options } from 'tsup';
import { coreSplitPlugin } from './build/core-split-plugin';

const shared: Options = {
  entry: ['src/index.ts'],
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  platform: 'browser',
  // Optional peer, loaded with a dynamic import only when replay starts: it must stay a separate request.
  external: ['@openreplay/tracker'],
  // Core is bundled from its sources, module by module, so the split can leave redaction (only the
  // features use it) out of the entry chunk; see build/core-split-plugin.ts. Core's dist is one module,
  // which any bundler would have to put whole into the chunk shared by the entry and the features. The
  // imports in src stay '@usermetrics/core'; the declaration files still refer to the dependency.
  noExternal: ['@usermetrics/core'],
  esbuildPlugins: [coreSplitPlugin()],
};

export default defineConfig([
  // ESM (what browsers and app bundlers use): the features (error processing, redaction, Umami, replay
  // loader) are a chunk of their own, imported after the load event.
  // Both builds run at once into dist: each cleans only its own files (stale hashed chunks included).
  { ...shared, format: 'esm', splitting: true, dts: true, clean: ['!**/*.cjs', '!**/*.cjs.map'] },
  // CJS (Node/SSR, older toolchains) stays one file: the dynamic import becomes a Promise-wrapped require.
  { ...shared, format: 'cjs', splitting: false, dts: true, clean: ['!**/*.js', '!**/*.js.map'] },
]);
