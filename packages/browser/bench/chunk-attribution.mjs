// Which library each emitted chunk belongs to, from the bundler's own module graph — not from chunk names,
// which change whenever the tracker is split differently (an entry facade and a lazily imported runtime, core
// as separate modules, a replay chunk). A module belongs to the package it comes from (the outermost
// node_modules folder in its path, or the workspace package); a module of another package (uuid, valibot,
// @opentelemetry/*, ua-parser-js) or a bundler helper belongs to the library that imports it. A chunk is
// attributed to the library with the most rendered bytes in it, and the split of its bytes is kept so a mixed
// chunk is visible.
import { gzipSync } from 'node:zlib';

/** Library name of a package, or undefined for a dependency that belongs to whoever imports it. */
function libraryOfPackage(name) {
  if (name.startsWith('@usermetrics/')) return 'usermetrics';
  if (name.startsWith('@sentry/') || name.startsWith('@sentry-internal/')) return 'sentry';
  if (name.startsWith('@grafana/')) return 'faro';
  if (name.startsWith('@openreplay/')) return 'openreplay';
  if (name === 'web-vitals') return 'web-vitals';
  return undefined;
}

/** The library of a module by its path alone, or undefined when only its importers can tell. */
export function libraryOfPath(id, pagesDir) {
  const path = id.replace(/\\/g, '/').replace(/^\0/, '').split('?')[0];
  // The outermost package: faro's own nested copy of web-vitals is faro's, not the anchor's.
  const nm = path.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (nm) return libraryOfPackage(nm[1]);
  // Workspace packages resolve to their real path (npm workspaces link node_modules/@usermetrics/* there).
  if (/\/packages\/(browser|core)\/(dist|src)\//.test(path)) return 'usermetrics';
  if (path.startsWith(pagesDir.replace(/\\/g, '/'))) return 'page';
  return undefined;
}

/**
 * A Vite (Rollup/Rolldown) plugin that records, for every chunk of the build, its library and its bytes.
 * `record(fileName, { library, bytesByLibrary, code, isEntry, imports, dynamicImports })` is called per chunk.
 */
export function attributionPlugin(pagesDir, record) {
  return {
    name: 'usermetrics-bench-attribution',
    generateBundle(_options, bundle) {
      const known = new Map();
      const libraryOf = (id, seen) => {
        if (known.has(id)) return known.get(id);
        let library = libraryOfPath(id, pagesDir);
        if (library === undefined) {
          seen.add(id);
          const info = this.getModuleInfo(id);
          for (const importer of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) {
            if (seen.has(importer)) continue;
            const found = libraryOf(importer, seen);
            if (found !== 'page') {
              library = found;
              break;
            }
          }
          library ??= 'page';
        }
        known.set(id, library);
        return library;
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const bytesByLibrary = {};
        for (const [id, info] of Object.entries(chunk.modules ?? {})) {
          const library = libraryOf(id, new Set());
          bytesByLibrary[library] = (bytesByLibrary[library] ?? 0) + (info.renderedLength ?? 0);
        }
        const library =
          Object.entries(bytesByLibrary).sort((a, b) => b[1] - a[1])[0]?.[0] ??
          libraryOfPath(chunk.fileName, '') ??
          'page';
        record(chunk.fileName, {
          library,
          bytesByLibrary,
          min: Buffer.byteLength(chunk.code),
          gzip: gzipSync(chunk.code, { level: 9 }).length,
          isEntry: chunk.isEntry,
          imports: chunk.imports ?? [],
          dynamicImports: chunk.dynamicImports ?? [],
        });
      }
    },
  };
}

/**
 * Sizes of one page's build by library: `beforeLoad` = the entry chunk and everything it imports statically
 * (what the browser must fetch and run before the load event), `lazy` = the chunks only reachable through a
 * dynamic import (fetched later, e.g. after load or when replay starts).
 */
export function pageSizes(chunks) {
  const entry = [...chunks].find(([, c]) => c.isEntry)?.[0];
  const reach = (from, follow) => {
    const seen = new Set();
    const todo = from ? [from] : [];
    while (todo.length > 0) {
      const file = todo.pop();
      if (seen.has(file) || !chunks.has(file)) continue;
      seen.add(file);
      for (const next of follow(chunks.get(file))) todo.push(next);
    }
    return seen;
  };
  const before = reach(entry, (c) => c.imports);
  const all = reach(entry, (c) => [...c.imports, ...c.dynamicImports]);
  const sizes = {};
  for (const file of all) {
    const c = chunks.get(file);
    sizes[c.library] ??= { beforeLoad: 0, lazy: 0, rendered: {} };
    sizes[c.library][before.has(file) ? 'beforeLoad' : 'lazy'] += c.gzip;
    // What else these chunks hold (e.g. web-vitals inside the tracker's chunk), by rendered bytes.
    for (const [library, bytes] of Object.entries(c.bytesByLibrary)) {
      sizes[c.library].rendered[library] = (sizes[c.library].rendered[library] ?? 0) + bytes;
    }
  }
  return sizes;
}
