import type { ErrorFrame } from '@usermetrics/core';
import { hashHex16 } from '../../io/hash-hex16';

const TOP_IN_APP = 5;

/**
 * Groups "the same error" across deploys (DESIGN §5): the error type and the original file and function of
 * the top in-app frames — resolved frames outside `node_modules`. Lines are left out so an edit elsewhere in
 * the file keeps the group; minified names are never used, so a new build keeps it too. `undefined` when no
 * frame resolved to app code. Logged only, never a metric dimension.
 * @example computeIssueId('TypeError', frames) // '9c1e…' (16 hex chars)
 */
export function computeIssueId(type: string, frames: readonly ErrorFrame[]): string | undefined {
  const top = frames
    .flatMap((f) => (f.source && !f.source.file.includes('node_modules/') ? [f.source] : []))
    .slice(0, TOP_IN_APP)
    .map((s) => `${s.file}|${s.name ?? ''}`);
  if (top.length === 0) return undefined;
  return hashHex16([type, ...top].join('\n'));
}
