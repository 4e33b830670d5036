import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';

/** Where the original throw is: `src/checkout.ts`, line 3 (inside `applyDiscount`). */
export const THROW_AT = { file: 'src/checkout.ts', line: 3 };
export const BUNDLE_URL = 'https://app.example.com/assets/index-3f9a1c.js';

const SOURCE = `export function applyDiscount(total: number): number {
  if (total < 0) {
    throw new RangeError('negative total ' + total);
  }
  return total * 0.9;
}
export function checkout(items: number[]): number {
  const total = items.reduce((a, b) => a + b, 0);
  return applyDiscount(total);
}
`;

/**
 * A real minified bundle with its source map (esbuild), and the real V8 stack of an error thrown in it,
 * run under the bundle's public URL — what a Chromium user would send.
 */
export function minifiedBundle(): { code: string; map: string; stack: string } {
  const out = transformSync(SOURCE, {
    loader: 'ts',
    format: 'iife',
    globalName: 'app',
    minify: true,
    sourcemap: 'external',
    sourcefile: '../../src/checkout.ts',
  });
  let stack = '';
  try {
    runInNewContext(`${out.code}\napp.checkout([-5]);`, {}, { filename: BUNDLE_URL });
  } catch (error) {
    // Only what a browser would have printed: the message line and the bundle's own frames.
    const lines = ((error as Error).stack ?? '').split('\n');
    stack = [lines[0], ...lines.filter((l) => l.includes(BUNDLE_URL))].join('\n');
  }
  return { code: out.code, map: out.map, stack };
}

/** The same frames as Firefox prints them: `fn@url:line:col`, `@url:line:col` for anonymous code. */
export function asFirefoxStack(v8Stack: string): string {
  return framesOf(v8Stack)
    .map((f) => `${f.fn?.replace(/^Object\./, '') ?? ''}@${f.url}:${f.line}:${f.col}`)
    .join('\n');
}

/** The same frames as Safari prints them: like Firefox, `global code@…` for top-level code. */
export function asSafariStack(v8Stack: string): string {
  return framesOf(v8Stack)
    .map((f) => `${f.fn ?? 'global code'}@${f.url}:${f.line}:${f.col}`)
    .join('\n');
}

function framesOf(v8Stack: string) {
  return v8Stack.split('\n').flatMap((line) => {
    const m = /^\s*at (?:(.+?) \()?(https:[^\s)]+):(\d+):(\d+)\)?$/.exec(line);
    return m ? [{ fn: m[1], url: m[2], line: m[3], col: m[4] }] : [];
  });
}
