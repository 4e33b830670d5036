// @vitest-environment node

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import tsupConfig from '../../tsup.config';
import { NO_PROVIDER, rethrowAsync, warnOnce } from './dev-warning';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('warnOnce', () => {
  it('warns once per message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warnOnce('first message');
    warnOnce('first message');
    warnOnce('second message');
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[@usermetrics/react] first message',
      '[@usermetrics/react] second message',
    ]);
  });
});

describe('rethrowAsync', () => {
  it('throws the same object later, outside the caller', () => {
    vi.useFakeTimers();
    const original = new Error('app callback failed');
    expect(() => rethrowAsync(original)).not.toThrow();
    let thrown: unknown;
    try {
      vi.runAllTimers();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(original);
  });
});

const ROUTER_WARNING = 'needs a react-router router';
const external = ['react', 'react/jsx-runtime', 'react-router', '@usermetrics/browser', '@usermetrics/react'];
const { platform, target } = tsupConfig as { platform: 'neutral'; target: string };

/** Builds an entry as tsup does (same platform and target, not minified): what the package ships. */
async function shipped(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../${entry}`, import.meta.url))],
    bundle: true,
    format: 'esm',
    platform,
    target,
    external,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Bundles shipped code the way an app's bundler does for `mode` (Vite, webpack and Next.js define NODE_ENV). */
async function appBundle(code: string, mode: 'production' | 'development'): Promise<string> {
  const result = await build({
    stdin: { contents: code, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    external,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('development warnings in builds', () => {
  it('ship unresolved, so the app decides: production bundles drop them, development bundles keep them', async () => {
    for (const [entry, message] of [
      ['index.ts', NO_PROVIDER],
      ['router.ts', ROUTER_WARNING],
    ] as const) {
      const code = await shipped(entry);
      expect(code, entry).toContain('process.env.NODE_ENV');
      // Positive control: the message is in the development bundle, so its absence below is real.
      expect(await appBundle(code, 'development'), entry).toContain(message);
      expect(await appBundle(code, 'production'), entry).not.toContain(message);
    }
  }, 60_000);
});
