import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const coreSrc = fileURLToPath(new URL('../../core/src/', import.meta.url));

// Core modules the critical path (entry chunk) may use: limits, ids/sampling, routes, the web-vital names.
const CRITICAL_CORE = ['constants.ts', 'ids/ids.ts', 'catalog/dimensions.ts', 'catalog/metric-catalog.ts'];
// Source folders whose code only runs in the lazily imported features chunk.
const FEATURE_DIRS = /[/\\]src[/\\](features|errors|umami|replay)[/\\]/;

/**
 * Bundles `@usermetrics/core` from its sources so code splitting can work per module. esbuild assigns whole
 * files to chunks by reachability, and core's barrel (`src/index.ts`, or its one-file dist) reaches every core
 * module, so through it redaction would land in the chunk the entry loads. Code on the critical path therefore
 * resolves '@usermetrics/core' to a barrel of the few modules it may use (a build error if it reaches for
 * more: move that code to the features), and feature code to core's full barrel.
 */
export function coreSplitPlugin(): Plugin {
  return {
    name: 'usermetrics-core-split',
    setup(build) {
      build.onResolve({ filter: /^@usermetrics\/core$/ }, (args) =>
        FEATURE_DIRS.test(args.importer) && !/install-global-handlers|patch-history/.test(args.importer)
          ? { path: `${coreSrc}index.ts` }
          : { path: 'critical-core', namespace: 'usermetrics-core' },
      );
      build.onLoad({ filter: /.*/, namespace: 'usermetrics-core' }, () => ({
        contents: CRITICAL_CORE.map((f) => `export * from ${JSON.stringify(coreSrc + f)};`).join('\n'),
        loader: 'ts',
        resolveDir: coreSrc,
      }));
    },
  };
}
