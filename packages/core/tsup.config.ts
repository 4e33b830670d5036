import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

// The public entry points: `.` and the subpaths of package.json's exports map (name → source file).
const subpaths = {
  index: 'src/index.ts',
  ids: 'src/ids/ids.ts',
  limits: 'src/constants.ts',
  redaction: 'src/redaction/index.ts',
};

/**
 * Keeps every relative import of core a separate module: it is marked external and given the `.js` of
 * the file it names, so each source file becomes one ES module that imports its neighbours. A bundler
 * (Vite, Rollup, esbuild) then places each of core's files in the chunk that uses it and, with
 * `sideEffects: false`, drops the ones nothing uses — no plugin reading core's sources on the app side.
 */
function filePerModule(): Plugin {
  return {
    name: 'usermetrics-file-per-module',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolve(args.resolveDir, args.path);
        const file = existsSync(`${target}.ts`) ? args.path : `${args.path}/index`;
        if (!existsSync(`${target}.ts`) && !existsSync(resolve(target, 'index.ts'))) {
          throw new Error(`core: cannot resolve ${args.path} from ${dirname(args.importer)}`);
        }
        return { path: `${file}.js`, external: true };
      });
    },
  };
}

const shared: Options = {
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
};

export default defineConfig([
  // ESM: one module per source file, in dist/ with the layout of src/.
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: 'esm',
    bundle: true,
    esbuildPlugins: [filePerModule()],
    dts: { entry: Object.values(subpaths) },
    clean: true,
  },
  // CJS (Node `require`, older toolchains): one bundled file per public entry point.
  {
    ...shared,
    entry: subpaths,
    format: 'cjs',
    treeshake: true,
    dts: true,
  },
]);
