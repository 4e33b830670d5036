/**
 * The diagnostics channel (#13 item 4): every failure the package swallows to protect the host is passed here
 * with where it happened. With `debug: true` on a wrapper or handler, or `USERMETRICS_DEBUG=1`, each place
 * reports its first failure once to stderr (never stdout, whose lines are logs and metrics); otherwise this
 * costs one boolean check.
 */
let enabled: boolean | undefined;
const reported = new Set<string>();
const MAX_PLACES = 100;

/** Turns the channel on for the process (`debug: true`). */
export function enableDiagnostics(): void {
  enabled = true;
}

/** Whether the channel is on: `debug: true` was given, or `USERMETRICS_DEBUG` is `1` or `true`. */
export function diagnosticsEnabled(): boolean {
  if (enabled === undefined) {
    const flag = globalThis.process?.env?.USERMETRICS_DEBUG?.trim().toLowerCase();
    enabled = flag === '1' || flag === 'true';
  }
  return enabled;
}

/**
 * Reports a swallowed failure once per place, when diagnostics are on. Never throws.
 * @example try { write(line) } catch (error) { reportFailure('writeEmf', error) }
 */
export function reportFailure(where: string, error: unknown): void {
  try {
    if (!diagnosticsEnabled() || reported.has(where) || reported.size >= MAX_PLACES) return;
    reported.add(where);
    process.stderr.write(
      `[usermetrics] ${where} failed; telemetry skipped it (reported once): ${describe(error)}\n`,
    );
  } catch {
    // The channel itself must not become a failure.
  }
}

function describe(error: unknown): string {
  try {
    if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'unprintable error';
  }
}

/** Forgets what was reported and re-reads the environment. For tests. @internal */
export function resetDiagnostics(): void {
  enabled = undefined;
  reported.clear();
}
