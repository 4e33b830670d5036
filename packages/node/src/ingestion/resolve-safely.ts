import { type ResolvedOptions, resolveOptions } from './resolve-options';

/**
 * {@link resolveOptions} behind a last guard: options whose getters throw (proxies, frozen oddities) still
 * give a working handler with defaults and one warning, never an exception at module load.
 */
export function resolveSafely(handlerName: string, options: unknown): ResolvedOptions {
  try {
    return resolveOptions(handlerName, options);
  } catch (error) {
    console.warn(`[usermetrics] ${handlerName}: options could not be read, using defaults:`, error);
    return resolveOptions(handlerName, undefined);
  }
}
