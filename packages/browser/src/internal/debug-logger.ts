/** The tracker's own diagnostics: silent unless `debug: true`, and each distinct problem is shown once. */
export interface DebugLogger {
  /** Reports an internal failure once per `key` (only shown with `debug: true`). */
  report(key: string, error?: unknown): void;
  /** A debug message (only shown with `debug: true`). */
  log(message: string, detail?: unknown): void;
}

/** Creates a {@link DebugLogger}; `sink` defaults to `console.debug`. */
export function createDebugLogger(
  enabled: boolean,
  sink: (message: string, detail?: unknown) => void = (m, d) => console.debug(m, d),
): DebugLogger {
  const seen = new Set<string>();
  const write = (message: string, detail?: unknown): void => {
    if (!enabled) return;
    try {
      sink(`[usermetrics] ${message}`, detail);
    } catch {
      // A broken console must not turn into an error report about itself.
    }
  };
  return {
    report(key, error) {
      if (seen.has(key)) return;
      seen.add(key);
      write(`internal failure in ${key}`, error);
    },
    log: write,
  };
}

/**
 * Runs `fn` and swallows anything it throws (reported once under `key`), so a telemetry fault never reaches
 * the host page. Returns `fallback` on failure.
 */
export function guard<T>(log: DebugLogger, key: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    log.report(key, error);
    return fallback;
  }
}
