import type { BrowserEnv } from '../internal/browser-env';
import { getBrowserEnv } from '../internal/browser-env';
import type { RuntimeLoader } from '../loader/load-runtime';
import type { ReplayImporter } from '../replay/create-replay';
import type { Clock, MakeRequest } from '../transport/types';
import type { Tracker, TrackerConfig } from '../types';
import { createNoopTracker } from './create-noop-tracker';
import { resolveConfig } from './resolve-config';
import { RUNNING_TRACKER, startTracker } from './start-tracker';

/** Seams for tests and non-standard runtimes; every field defaults to the real browser. */
export interface TrackerDeps {
  env?: BrowserEnv;
  makeRequest?: MakeRequest;
  clock?: Clock;
  replayImporter?: ReplayImporter;
  /** Loads the runtime chunk. @default a dynamic import */
  loadRuntime?: RuntimeLoader;
  /** Receives the single configuration warning. @default console.warn */
  warn?: (message: string) => void;
}

/**
 * Creates a tracker. Never throws: a bad configuration gives a working no-op and one console warning;
 * without `window` (SSR) or with `enabled: false` it gives the no-op silently and touches no global.
 * One tracker runs per window: while one runs, another call returns it (HMR re-runs the module that made it);
 * call `shutdown()` first to start one with another configuration.
 * @example
 * const tracker = createTracker({
 *   endpoint: 'https://api.example.com',
 *   routes: ['/users/:id'],
 *   umami: { websiteId: '4f6d…', hostUrl: 'https://umami.example.com' },
 * });
 * tracker.trackEvent('signup', { plan: 'pro' });
 */
export function createTracker(config: TrackerConfig): Tracker {
  // One tracker per window (see RUNNING_TRACKER): a module re-run by HMR gets the one already running.
  const w = (globalThis as unknown as { window?: Record<symbol, Tracker | undefined> }).window;
  return w?.[RUNNING_TRACKER] || createTrackerWith(config);
}

/** {@link createTracker} with injectable dependencies (tests). */
export function createTrackerWith(config: TrackerConfig, deps: TrackerDeps = {}): Tracker {
  let problem: unknown;
  try {
    // The kill switch wins over everything else: nothing is validated, loaded or touched.
    if ((config as Partial<TrackerConfig> | undefined)?.enabled === false) return createNoopTracker();
    const env = deps.env ?? getBrowserEnv();
    const resolved = resolveConfig(config);
    if (typeof resolved !== 'string') return env ? startTracker(resolved, env, deps) : createNoopTracker();
    problem = resolved;
  } catch (error) {
    problem = error instanceof Error ? error.message : error;
  }
  (deps.warn ?? console.warn)(`[usermetrics] tracking disabled: ${String(problem)}`);
  return createNoopTracker();
}
