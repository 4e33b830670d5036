import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  asFirefoxStack,
  asSafariStack,
  BUNDLE_URL,
  minifiedBundle,
  THROW_AT,
} from '../../../test/minified-bundle';
import { createMapLoader } from './create-map-loader';
import { createSymbolicator } from './create-symbolicator';
import type { SourceMapResolver } from './types';

const bundle = minifiedBundle();
const RELEASE = '1.2.3';

function setup(resolver: SourceMapResolver, budgetMs = 1_000) {
  const onProblem = vi.fn();
  const created = createSymbolicator({ load: resolver, budgetMs, maxCacheBytes: 1 << 24 });
  const symbolicator = {
    symbolicate: (stack: string | undefined, release: string | undefined) =>
      created.symbolicate(stack, release, onProblem),
  };
  return { symbolicator, onProblem };
}

const fromMemory: SourceMapResolver = async (release, url) =>
  release === RELEASE && url === BUNDLE_URL ? bundle.map : undefined;

describe('createSymbolicator', () => {
  it.each([
    ['Chromium (V8)', bundle.stack],
    ['Firefox', asFirefoxStack(bundle.stack)],
    ['Safari', asSafariStack(bundle.stack)],
  ])('resolves a %s stack of a minified bundle to the original file, line and function', async (_, stack) => {
    const { symbolicator, onProblem } = setup(fromMemory);

    const result = await symbolicator.symbolicate(stack, RELEASE);

    const [top, caller] = result.frames;
    expect(top).toMatchObject({ url: BUNDLE_URL, line: 1, column: expect.any(Number) });
    expect(top?.function).toMatch(/^c$/); // the minified name, as sent
    expect(top?.source).toMatchObject({ file: THROW_AT.file, line: THROW_AT.line, name: 'applyDiscount' });
    expect(caller?.source).toMatchObject({ file: THROW_AT.file, line: 9 });
    expect(result.timedOut).toBe(false);
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('loads a map once and serves later reports from the cache', async () => {
    const resolver = vi.fn(fromMemory);
    const { symbolicator } = setup(resolver);

    await symbolicator.symbolicate(bundle.stack, RELEASE);
    const second = await symbolicator.symbolicate(bundle.stack, RELEASE);

    expect(resolver).toHaveBeenCalledTimes(1);
    expect(second.frames[0]?.source?.line).toBe(THROW_AT.line);
  });

  it('leaves the frames raw when the resolver is slower than the budget, then uses the map once it came', async () => {
    let deliver: (map: string) => void = () => {};
    const slow: SourceMapResolver = () => new Promise((done) => (deliver = done));
    const { symbolicator } = setup(slow, 20);

    const cutOff = await symbolicator.symbolicate(bundle.stack, RELEASE);

    expect(cutOff.timedOut).toBe(true);
    expect(cutOff.resolved).toBe(0);
    expect(cutOff.frames[0]).toEqual({ url: BUNDLE_URL, line: 1, column: expect.any(Number), function: 'c' });
    // Positive control: the same symbolicator resolves once the slow load has finished in the background.
    deliver(bundle.map);
    await new Promise((r) => setImmediate(r));
    const later = await symbolicator.symbolicate(bundle.stack, RELEASE);
    expect(later.frames[0]?.source?.line).toBe(THROW_AT.line);
  });

  it('reports a corrupt map once per file and leaves its frames raw', async () => {
    const { symbolicator, onProblem } = setup(async () => '{"version":3,"mappings":');

    const first = await symbolicator.symbolicate(bundle.stack, RELEASE);
    await symbolicator.symbolicate(bundle.stack, RELEASE);

    expect(first.resolved).toBe(0);
    expect(first.frames[0]?.source).toBeUndefined();
    expect(onProblem).toHaveBeenCalledTimes(1);
    expect(onProblem).toHaveBeenCalledWith(
      'Source map is corrupt',
      expect.objectContaining({ file: BUNDLE_URL }),
    );
  });

  it('reports a resolver that throws once, and tries again on the next report', async () => {
    const resolver = vi
      .fn<SourceMapResolver>()
      .mockRejectedValueOnce(new Error('S3 down'))
      .mockImplementation(fromMemory);
    const { symbolicator, onProblem } = setup(resolver);

    const first = await symbolicator.symbolicate(bundle.stack, RELEASE);
    const second = await symbolicator.symbolicate(bundle.stack, RELEASE);

    expect(first.resolved).toBe(0);
    expect(onProblem).toHaveBeenCalledWith(
      'Source map could not be loaded',
      expect.objectContaining({ reason: 'Error: S3 down' }),
    );
    expect(second.frames[0]?.source?.line).toBe(THROW_AT.line);
  });

  it('leaves frames raw for a release that has no maps, saying so once per file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'um-maps-'));
    mkdirSync(join(directory, RELEASE, 'assets'), { recursive: true });
    writeFileSync(join(directory, RELEASE, 'assets', 'index-3f9a1c.js.map'), bundle.map);
    const { symbolicator, onProblem } = setup(createMapLoader({ directory }));

    const other = await symbolicator.symbolicate(bundle.stack, '9.9.9');
    await symbolicator.symbolicate(bundle.stack, '9.9.9');
    const known = await symbolicator.symbolicate(bundle.stack, RELEASE); // positive control: same folder

    expect(other.resolved).toBe(0);
    expect(onProblem).toHaveBeenCalledTimes(1);
    expect(onProblem).toHaveBeenCalledWith('No source map for this file', {
      release: '9.9.9',
      file: BUNDLE_URL,
    });
    expect(known.frames[0]?.source?.line).toBe(THROW_AT.line);
  });

  it('does nothing without a release or a stack', async () => {
    const resolver = vi.fn(fromMemory);
    const { symbolicator } = setup(resolver);

    const noRelease = await symbolicator.symbolicate(bundle.stack, undefined);
    const noStack = await symbolicator.symbolicate(undefined, RELEASE);

    expect(noRelease.frames[0]?.source).toBeUndefined();
    expect(noStack.frames).toEqual([]);
    expect(resolver).not.toHaveBeenCalled();
  });
});
