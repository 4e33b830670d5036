import { describe, expect, it } from 'vitest';
import { type AttributedChunk, libraryOfPath, pageSizes } from '../bench/chunk-attribution.mjs';

// The Chromium bench attributes script time and bytes to libraries by the package a module comes from, so
// that however the tracker is split into chunks its code stays ours.
const pages = '/repo/packages/browser/bench/pages';

describe('bench attribution: the library of a module', () => {
  it('is usermetrics for the browser and core packages, in dist or src, whatever the chunk is called', () => {
    expect(libraryOfPath('/repo/packages/browser/dist/index.js', pages)).toBe('usermetrics');
    expect(libraryOfPath('/repo/packages/browser/dist/runtime-AB12.js', pages)).toBe('usermetrics');
    expect(libraryOfPath('/repo/packages/core/dist/redaction/redact.js', pages)).toBe('usermetrics');
    expect(libraryOfPath('/repo/node_modules/@usermetrics/core/dist/index.js', pages)).toBe('usermetrics');
  });

  it('is the outermost package: a dependency nested under Faro is Faro’s, web-vitals beside the tracker is web-vitals', () => {
    expect(
      libraryOfPath('/repo/node_modules/@grafana/faro-web-sdk/node_modules/web-vitals/dist/x.js', pages),
    ).toBe('faro');
    expect(libraryOfPath('/repo/packages/browser/node_modules/web-vitals/dist/web-vitals.js', pages)).toBe(
      'web-vitals',
    );
    expect(libraryOfPath('/repo/node_modules/@sentry-internal/browser-utils/build/esm/x.js', pages)).toBe(
      'sentry',
    );
    expect(libraryOfPath('/repo/node_modules/@openreplay/tracker/dist/lib/index.js', pages)).toBe(
      'openreplay',
    );
  });

  it('is left to the importers for other dependencies and bundler helpers; page code is the page’s', () => {
    expect(libraryOfPath('/repo/node_modules/valibot/dist/index.js', pages)).toBeUndefined();
    expect(libraryOfPath('\0vite/preload-helper.js', pages)).toBeUndefined();
    expect(libraryOfPath(`${pages}/tracker.ts`, pages)).toBe('page');
  });
});

describe('bench attribution: page sizes', () => {
  const chunk = (over: Partial<AttributedChunk>): AttributedChunk => ({
    library: 'usermetrics',
    bytesByLibrary: { usermetrics: 100 },
    min: 100,
    gzip: 100,
    isEntry: false,
    imports: [],
    dynamicImports: [],
    ...over,
  });

  it('counts static imports of the entry before load and what only a dynamic import reaches as lazy', () => {
    const chunks = new Map([
      [
        'entry.js',
        chunk({ isEntry: true, gzip: 1000, imports: ['core.js'], dynamicImports: ['runtime.js'] }),
      ],
      ['core.js', chunk({ gzip: 500 })],
      ['runtime.js', chunk({ gzip: 3000, imports: ['core.js'], dynamicImports: ['replay.js'] })],
      ['replay.js', chunk({ library: 'openreplay', gzip: 9000 })],
      ['unreachable.js', chunk({ gzip: 7 })],
    ]);

    const sizes = pageSizes(chunks);

    expect(sizes.usermetrics).toMatchObject({ beforeLoad: 1500, lazy: 3000 });
    expect(sizes.openreplay).toMatchObject({ beforeLoad: 0, lazy: 9000 });
  });
});
