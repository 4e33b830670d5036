import type { StdoutCapture } from './stdout-capture';
import type { ApiGatewayV2Event, LambdaContext, LambdaHandler } from './types';

/** What happened when a handler ran. */
export type InvocationOutcome =
  | { kind: 'result'; result: unknown; lines: string[]; durationMs: number }
  | { kind: 'error'; error: unknown; lines: string[]; durationMs: number }
  | { kind: 'timeout'; lines: string[]; durationMs: number };

/** How to run it. */
export interface InvokeOptions {
  capture: StdoutCapture;
  /** The route's Lambda timeout: past it the invocation is abandoned, as Lambda would. */
  timeoutMs: number;
}

/**
 * Runs one handler invocation the way the Lambda runtime does: awaits its promise, turns a throw or a
 * rejection into an error outcome (never into a collector crash), and gives up at the timeout. Lines the
 * handler writes to stdout are collected for this invocation only.
 */
export async function invokeHandler(
  handler: LambdaHandler,
  event: ApiGatewayV2Event,
  context: LambdaContext,
  options: InvokeOptions,
): Promise<InvocationOutcome> {
  const lines: string[] = [];
  const target = { onLine: (line: string) => lines.push(line) };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const run = options.capture.run(target, async () => {
    try {
      return { ok: true as const, value: await handler(event, context) };
    } catch (error) {
      return { ok: false as const, error };
    }
  });
  try {
    const settled = await Promise.race([run, timeout]);
    const durationMs = performance.now() - started;
    options.capture.flush(target);
    // A copy: lines written after the answer (a timed-out handler still running) must not change it.
    const seen = lines.slice();
    if (settled === 'timeout') return { kind: 'timeout', lines: seen, durationMs };
    if (settled.ok) return { kind: 'result', result: settled.value, lines: seen, durationMs };
    return { kind: 'error', error: settled.error, lines: seen, durationMs };
  } finally {
    clearTimeout(timer);
  }
}
