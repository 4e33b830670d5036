import { isBuiltin } from 'node:module';
import type { Plugin } from 'esbuild';

/**
 * pino is bundled into dist/ without the parts this package never runs (#13, cold start). pino's entry
 * evaluates its whole graph at import: sonic-boom (its file destination), thread-stream and the transport
 * machinery (worker threads), multistream and `os.hostname()`. Together with the built-ins they load
 * (worker_threads, assert, os) that is more than half of pino's import cost. createLogger always hands pino
 * its own synchronous sink and its own `base`, so none of them is reached; each is replaced by a stub that
 * throws if it ever were. What pino does with a line (levels, serialization, safe-stable-stringify, redact,
 * formatters, child loggers) is pino's own code, unchanged.
 */
export const PINO_STUBS: Readonly<Record<string, string>> = {
  // The default destination (`pino()` / `pino.destination()`): createLogger always passes a sink.
  'sonic-boom': `module.exports = class SonicBoom { constructor() { ${unavailable('pino.destination')} } };`,
  './transport': `module.exports = function transport() { ${unavailable('pino.transport')} };`,
  './lib/transport': `module.exports = function transport() { ${unavailable('pino.transport')} };`,
  './lib/multistream': `module.exports = function multistream() { ${unavailable('pino.multistream')} };`,
  // pino's own path redaction (its `redact` option) is never configured: core's redaction engine runs instead.
  '@pinojs/redact': `module.exports = function redact() { ${unavailable("pino's redact option")} };`,
  // Serializers for `err`, `req` and `res` keys and for http objects logged as such: createLogger's records
  // never have those (errors are serialized by core, under `error`).
  'pino-std-serializers': `const s = () => { ${unavailable('pino.stdSerializers')} };
module.exports = { err: s, errWithCause: s, req: s, res: s, mapHttpRequest: s, mapHttpResponse: s };`,
  // Only read by sonic-boom's exit handling, which is stubbed above.
  'on-exit-leak-free': 'module.exports = { register() {}, unregister() {} };',
  worker_threads: 'module.exports = { isMainThread: true };',
  // pino computes the default `base.hostname` at import; createLogger always sets `base`.
  'node:os': "module.exports = { hostname: () => '' };",
  os: "module.exports = { hostname: () => '' };",
};

function unavailable(what: string): string {
  return `throw new Error(${JSON.stringify(`${what} is not bundled in @usermetrics/node`)});`;
}

const PINO_FILE = /[\\/]node_modules[\\/]pino[\\/]/;
const DEPENDENCY_FILE = /[\\/]node_modules[\\/]/;

/**
 * The esbuild plugin that applies {@link PINO_STUBS} to files of pino itself. For an ES module output it also
 * turns the built-ins that pino and its dependencies still require (node:events, node:util,
 * node:diagnostics_channel) into static imports, since a bundled `require` does not exist in an ES module.
 */
export function pinoForLambda(): Plugin {
  return {
    name: 'pino-for-lambda',
    setup(build) {
      const esm = build.initialOptions.format === 'esm';
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === 'builtin-esm') return { path: args.path, external: true };
        if (PINO_FILE.test(args.importer) && Object.hasOwn(PINO_STUBS, args.path))
          return { path: args.path, namespace: 'pino-stub' };
        if (esm && DEPENDENCY_FILE.test(args.importer) && isBuiltin(args.path))
          return { path: args.path, namespace: 'builtin-esm' };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'pino-stub' }, (args) => ({
        contents: PINO_STUBS[args.path],
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'builtin-esm' }, (args) => ({
        contents: `export * from ${JSON.stringify(args.path)};`,
        loader: 'js',
      }));
    },
  };
}
