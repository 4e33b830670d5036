import { normalizeErrorType } from '@usermetrics/core';
import { activeStore, invocationStorage } from '../context/invocation-store';
import { readTraceId } from '../context/trace-id';
import { reportFailure } from '../diagnostics/report-failure';
import { createInvocationDocument } from '../emf/invocation-document';
import { writeEmf } from '../emf/write-emf';
import { defaultStdout, type LineSink } from '../io/stdout';
import { createLogger } from '../logger/create-logger';
import type { Logger } from '../logger/types';
import { flushInvocationMetrics, type StoreWithMetrics } from '../metrics/metrics';
import type { UserMetricsConfig } from '../metrics/user-metrics-buffer';
import { createColdStartTracker } from './cold-start';
import { resolveOptions } from './resolve-options';
import { createRouteResolver } from './route-dimension';
import { readSessionId } from './session-id';
import type { LambdaContextLike, UsermetricsOptions } from './types';

/** One running invocation, as returned by {@link InvocationLifecycle.start}. */
export interface Invocation {
  /** The lifecycle that started it (front doors that park the invocation finish it through this). */
  readonly lifecycle: InvocationLifecycle;
  /** @internal */
  readonly store: StoreWithMetrics;
  /** @internal */
  readonly startedAt: number;
  /** @internal */
  readonly initDurationMs: number | undefined;
  /** @internal */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** True once finish ran (or the invocation ended otherwise); finishing twice is a no-op. */
  finished: boolean;
}

/**
 * The instrumentation of one Lambda function, split into the two moments every front door has: the start
 * and the end of an invocation. `withUsermetrics` and the `@usermetrics/middy` middleware both drive this
 * one implementation.
 */
export interface InvocationLifecycle {
  /** Begins an invocation: cold start, ids, route, timeout timer. `undefined` only if telemetry failed. */
  start(event: unknown, context: LambdaContextLike | undefined): Invocation | undefined;
  /**
   * Makes the invocation the active context of the current async execution (for front doors that cannot
   * wrap the handler call in a callback, like middy's `before`).
   */
  enter(invocation: Invocation): void;
  /** Runs `fn` with the invocation as the active context. */
  run<T>(invocation: Invocation, fn: () => T): T;
  /**
   * Ends an invocation: clears the timer, logs one ERROR line when `failed`, writes the built-in metrics
   * and flushes the user's metrics. Returns a promise only when something asynchronous is left to await.
   * Never throws; a second call is a no-op.
   */
  finish(invocation: Invocation, failed: boolean, error?: unknown): Promise<void> | undefined;
  /**
   * The diagnostics channel, for front doors built on this lifecycle (the middy middleware): a failure the
   * front door swallowed is reported once per `where` to stderr when `debug: true` or `USERMETRICS_DEBUG=1`,
   * and costs one boolean check otherwise. Never throws.
   * @example try { … } catch (error) { lifecycle.reportFailure('my middleware before', error) }
   */
  reportFailure(where: string, error: unknown): void;
}

/**
 * Builds the lifecycle for a set of options, or returns `undefined` after exactly one `console.warn` when
 * the options are invalid (the caller then runs the handler without instrumentation). Never throws: a
 * failure while building it goes to the diagnostics channel and gives `undefined` too.
 * @example
 * const lifecycle = createInvocationLifecycle({ functionName: 'api', environment: 'prod' });
 */
export function createInvocationLifecycle<TEvent = unknown>(
  options?: UsermetricsOptions<TEvent>,
): InvocationLifecycle | undefined {
  try {
    return buildLifecycle(options);
  } catch (error) {
    reportFailure('createInvocationLifecycle', error);
    return undefined;
  }
}

function buildLifecycle<TEvent>(
  options: UsermetricsOptions<TEvent> | undefined,
): InvocationLifecycle | undefined {
  const resolved = resolveOptions(options);
  if (!resolved.ok) {
    console.warn(`[usermetrics] ${resolved.reason}; the handler runs without instrumentation.`);
    return undefined;
  }
  const o = resolved.options;
  const { clock, functionName, environment, namespace, timeoutMarginMs } = o;
  const out: LineSink = o.stdout ?? defaultStdout();
  const document = createInvocationDocument({ namespace, functionName, environment });
  const coldStart = createColdStartTracker(clock.now);
  const resolveRoute = createRouteResolver(
    o.route as ((event: unknown) => string | undefined) | undefined,
    o.routes,
  );
  const metricsConfig: UserMetricsConfig = {
    namespace: o.metricsNamespace,
    defaultDimensions: { functionName, environment },
    stdout: o.stdout,
  };
  // The logger is built on first use: most invocations never log, and pino's setup is cold-start time.
  let logger = o.logger;
  const log = (): Logger => {
    logger ??= createLogger(functionName, o.stdout ? { destination: o.stdout } : {});
    return logger;
  };

  function onTimeout(invocation: Invocation, context: LambdaContextLike): void {
    invocation.timer = undefined;
    if (invocation.finished) return;
    invocationStorage.run(invocation.store, () => {
      try {
        let remainingTimeMs: number | undefined;
        try {
          remainingTimeMs = context.getRemainingTimeInMillis?.();
        } catch (error) {
          // The host's context object failed; the warning goes out without the figure.
          reportFailure('context.getRemainingTimeInMillis', error);
        }
        log().warn('Invocation is about to time out', { remainingTimeMs, timeoutMarginMs });
        const { requestId, sessionId } = invocation.store;
        writeEmf(
          {
            namespace,
            dimensionSets: [['functionName', 'environment']],
            dimensions: { functionName, environment },
            metrics: [{ name: 'TimeoutWarning', unit: 'Count', value: 1 }],
            properties: sessionId === undefined ? { requestId } : { requestId, sessionId },
            timestamp: clock.epochMs(),
          },
          out,
        );
        void flushInvocationMetrics(invocation.store);
      } catch (error) {
        // The warning is best effort; the invocation itself carries on.
        reportFailure('wrapper timeout warning', error);
      }
    });
  }

  const lifecycle: InvocationLifecycle = {
    start(event, context) {
      try {
        const awsRequestId = context?.awsRequestId;
        // Nested front doors on one invocation (`withMetrics(withLogging(h))`, the middleware around a wrapped
        // handler): the outer one instruments it, so metrics are counted once.
        const outer = activeStore();
        if (outer !== undefined && typeof awsRequestId === 'string' && outer.requestId === awsRequestId) {
          return undefined;
        }
        const cold = coldStart();
        const store = new LiveStore(
          typeof awsRequestId === 'string' && awsRequestId !== ''
            ? awsRequestId
            : globalThis.crypto.randomUUID(),
          readSessionId(event),
          cold.coldStart,
          functionName,
          resolveRoute(event),
          metricsConfig,
        );
        const invocation: Invocation = {
          lifecycle,
          store,
          startedAt: clock.now(),
          initDurationMs: cold.initDurationMs,
          timer: undefined,
          finished: false,
        };
        const remaining =
          typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : NaN;
        if (Number.isFinite(remaining) && context) {
          invocation.timer = setTimeout(
            onTimeout,
            Math.max(0, remaining - timeoutMarginMs),
            invocation,
            context,
          );
          invocation.timer.unref?.();
        }
        return invocation;
      } catch (error) {
        reportFailure('wrapper start', error);
        return undefined;
      }
    },

    enter(invocation) {
      invocationStorage.enterWith(invocation.store);
    },

    run(invocation, fn) {
      return invocationStorage.run(invocation.store, fn);
    },

    finish(invocation, failed, error) {
      if (invocation.finished) return undefined;
      invocation.finished = true;
      try {
        if (invocation.timer !== undefined) {
          clearTimeout(invocation.timer);
          invocation.timer = undefined;
        }
        const { store } = invocation;
        const durationMs = Math.round((clock.now() - invocation.startedAt) * 1000) / 1000;
        const errorType = failed ? normalizeErrorType(nameOf(error)) : undefined;
        if (failed)
          invocationStorage.run(store, () => log().error('Invocation failed', error, { errorType }));
        document.write(
          {
            timestamp: clock.epochMs(),
            coldStart: store.coldStart,
            initDurationMs: invocation.initDurationMs,
            durationMs,
            errorType,
            route: store.route,
            requestId: store.requestId,
            sessionId: store.sessionId,
          },
          out,
        );
        store.ended = true;
        return flushInvocationMetrics(store);
      } catch (error) {
        reportFailure('wrapper finish', error);
        invocation.store.ended = true;
        return undefined;
      }
    },

    reportFailure,
  };
  return lifecycle;
}

/**
 * The store of one invocation. The trace id is read from `_X_AMZN_TRACE_ID` on first use (a log line,
 * `getInvocationContext()`), not at the start: Lambda sets it before the handler runs and keeps it for the
 * whole invocation, and most invocations never ask, while reading the environment is a native call.
 */
class LiveStore implements StoreWithMetrics {
  userMetrics: StoreWithMetrics['userMetrics'] = undefined;
  ended = false;
  private trace: string | undefined | null = null;

  constructor(
    readonly requestId: string,
    readonly sessionId: string | undefined,
    readonly coldStart: boolean,
    readonly functionName: string,
    readonly route: string | undefined,
    readonly userMetricsConfig: UserMetricsConfig,
  ) {}

  get traceId(): string | undefined {
    if (this.trace === null) this.trace = readTraceId();
    return this.trace;
  }
}

function nameOf(error: unknown): unknown {
  try {
    return (error as { name?: unknown } | null)?.name;
  } catch {
    return undefined;
  }
}
