import type { ErrorFrame } from '@usermetrics/core';
import type { ErrorReportHandlerOptions } from '../types';
import { computeIssueId } from './compute-issue-id';
import { createMapLoader } from './create-map-loader';
import { createSymbolicator } from './create-symbolicator';

/** The options of the error-report handler that turn symbolication on (DESIGN §5, §10). */
export type SymbolicationOptions = Pick<ErrorReportHandlerOptions, 'sourceMaps' | 'symbolicationBudgetMs'>;

/** What symbolication adds to one report's log line. */
export interface ReportSymbolication {
  frames: ErrorFrame[];
  issueId?: string;
}

/** Symbolicates one report; never rejects. `logWarn` gets the once-per-file map problems. */
export type SymbolicateReport = (
  stack: string | undefined,
  release: string | undefined,
  type: string,
  logWarn: (message: string, context: Record<string, unknown>) => void,
) => Promise<ReportSymbolication | undefined>;

export const DEFAULT_BUDGET_MS = 200;
const MAX_BUDGET_MS = 10_000;
// Parsed maps kept per container (decoded mappings counted at ~4× their text). A React app's map is
// typically 1–5 MB of mappings, so this holds a few releases of a few chunks each.
const CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The symbolication step of `createErrorReportHandler`, or `undefined` when `sourceMaps` is not set. Bad
 * options give `undefined` (reports are logged as before) and one console warning — never a throw.
 * @example
 * const symbolicate = createErrorSymbolication({ sourceMaps: { directory: '.usermetrics/sourcemaps' } });
 * const extra = await symbolicate?.(stack, release, 'TypeError', (m, c) => logger.warn(m, undefined, c));
 */
export function createErrorSymbolication(options: unknown): SymbolicateReport | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const { sourceMaps, symbolicationBudgetMs } = options as SymbolicationOptions;
  if (sourceMaps === undefined) return undefined;
  const problem = checkSourceMaps(sourceMaps);
  if (problem) {
    console.warn(
      `[usermetrics] createErrorReportHandler: ${problem}; errors are logged without symbolication`,
    );
    return undefined;
  }
  let budgetMs = DEFAULT_BUDGET_MS;
  if (symbolicationBudgetMs !== undefined) {
    const ok =
      typeof symbolicationBudgetMs === 'number' &&
      symbolicationBudgetMs >= 0 &&
      symbolicationBudgetMs <= MAX_BUDGET_MS;
    if (ok) budgetMs = symbolicationBudgetMs;
    else
      console.warn(
        `[usermetrics] createErrorReportHandler: symbolicationBudgetMs must be a number from 0 to ${MAX_BUDGET_MS}; using ${DEFAULT_BUDGET_MS}`,
      );
  }
  const symbolicator = createSymbolicator({
    load: createMapLoader(sourceMaps),
    budgetMs,
    maxCacheBytes: CACHE_BYTES,
  });
  return async (stack, release, type, logWarn) => {
    try {
      const { frames } = await symbolicator.symbolicate(stack, release, logWarn);
      if (frames.length === 0) return undefined;
      const issueId = computeIssueId(type, frames);
      return issueId === undefined ? { frames } : { frames, issueId };
    } catch {
      // Symbolication adds to a report; it never costs one.
      return undefined;
    }
  };
}

function checkSourceMaps(option: unknown): string | undefined {
  if (typeof option === 'function') return undefined;
  if (typeof option !== 'object' || option === null) {
    return 'sourceMaps must be { directory }, { bucket, prefix? } or a function';
  }
  const o = option as Record<string, unknown>;
  if ('directory' in o) {
    return typeof o.directory === 'string' && o.directory !== ''
      ? undefined
      : 'sourceMaps.directory must be a non-empty string';
  }
  if ('bucket' in o) {
    if (typeof o.bucket !== 'string' || o.bucket === '')
      return 'sourceMaps.bucket must be a non-empty string';
    if (o.prefix !== undefined && typeof o.prefix !== 'string') return 'sourceMaps.prefix must be a string';
    return undefined;
  }
  return 'sourceMaps must be { directory }, { bucket, prefix? } or a function';
}
