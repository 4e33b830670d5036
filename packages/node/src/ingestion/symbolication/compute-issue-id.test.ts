import type { ErrorFrame } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import { computeIssueId } from './compute-issue-id';

const frame = (fn: string, col: number, file?: string, line = 3): ErrorFrame => ({
  url: `https://app.example.com/assets/index-${col}.js`,
  line: 1,
  column: col,
  function: fn,
  ...(file ? { source: { file, line, column: 5, name: `${file}-fn` } } : {}),
});

describe('computeIssueId', () => {
  it('is the same across deploys: other bundle names, minified names, columns and lines', () => {
    const before = [frame('Os', 100, 'src/App.tsx', 3), frame('a', 200, 'src/main.tsx', 9)];
    const after = [frame('Xz', 901, 'src/App.tsx', 7), frame('q', 77, 'src/main.tsx', 12)];

    expect(computeIssueId('TypeError', after)).toBe(computeIssueId('TypeError', before));
    expect(computeIssueId('TypeError', before)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs for another original file or error type, and ignores library frames', () => {
    const app = [frame('Os', 100, 'src/App.tsx')];
    const withLibrary = [frame('r', 1, 'node_modules/react-dom/index.js'), ...app];

    expect(computeIssueId('TypeError', withLibrary)).toBe(computeIssueId('TypeError', app));
    expect(computeIssueId('TypeError', [frame('Os', 100, 'src/Cart.tsx')])).not.toBe(
      computeIssueId('TypeError', app),
    );
    expect(computeIssueId('RangeError', app)).not.toBe(computeIssueId('TypeError', app));
  });

  it('is undefined when no frame resolved to app code', () => {
    expect(computeIssueId('TypeError', [frame('Os', 100)])).toBeUndefined();
  });
});
