import { NAMESPACES } from '@usermetrics/core';
import { defaultEnvironment } from '../context/default-environment';
import { enableDiagnostics } from '../diagnostics/report-failure';
import { EMF_LIMITS } from '../emf/limits';
import type { LineSink } from '../io/stdout';
import type { Logger } from '../logger/types';
import type { Clock, UsermetricsOptions } from './types';

/** Options after defaults and validation. */
export interface ResolvedOptions<TEvent> {
  functionName: string;
  environment: string;
  namespace: string;
  metricsNamespace: string;
  route: ((event: TEvent) => string | undefined) | undefined;
  routes: readonly string[] | undefined;
  timeoutMarginMs: number;
  logger: Logger | undefined;
  stdout: LineSink | undefined;
  clock: Clock;
}

/** Either usable options or the one-line reason they are not. */
export type OptionsResult<TEvent> =
  | { ok: true; options: ResolvedOptions<TEvent> }
  | { ok: false; reason: string };

const { maxName: MAX_NAME, maxDimensionValue: MAX_DIMENSION_VALUE } = EMF_LIMITS;

/**
 * The real clock. `process.uptime()` counts from process start (so it also measures the init phase) on
 * the same monotonic clock as `performance.now()`, but the first `performance` access loads perf_hooks,
 * ~2.5 ms of every cold start.
 */
export const systemClock: Clock = { now: () => process.uptime() * 1000, epochMs: () => Date.now() };

/**
 * Applies the Lambda/environment defaults (DESIGN §10) and validates. Never throws: anything wrong is
 * reported as a reason so the caller can fall back to a pass-through and warn once.
 */
export function resolveOptions<TEvent>(
  options: UsermetricsOptions<TEvent> | undefined,
  env: NodeJS.ProcessEnv = process.env,
): OptionsResult<TEvent> {
  try {
    const o = options ?? {};
    if (typeof o !== 'object') return fail('options must be an object');
    if (o.debug === true) enableDiagnostics();
    const functionName = o.functionName ?? env.AWS_LAMBDA_FUNCTION_NAME;
    if (!isText(functionName, MAX_DIMENSION_VALUE)) {
      return fail('functionName is missing (pass it or run where AWS_LAMBDA_FUNCTION_NAME is set)');
    }
    const environment = o.environment ?? defaultEnvironment(env);
    if (!isText(environment, MAX_DIMENSION_VALUE)) return fail('environment must be a non-empty string');
    const namespace = o.namespace ?? NAMESPACES.lambda;
    if (!isText(namespace, MAX_NAME)) return fail('namespace must be 1–255 characters');
    const metricsNamespace = o.metricsNamespace ?? (env.AWS_EMF_NAMESPACE || 'UserMetrics/Custom');
    if (!isText(metricsNamespace, MAX_NAME)) return fail('metricsNamespace must be 1–255 characters');
    if (o.route !== undefined && typeof o.route !== 'function')
      return fail('route must be a function (event) => pattern');
    if (
      o.routes !== undefined &&
      !(Array.isArray(o.routes) && o.routes.every((r) => typeof r === 'string'))
    ) {
      return fail('routes must be an array of route patterns');
    }
    const timeoutMarginMs = o.timeoutMarginMs ?? 500;
    if (typeof timeoutMarginMs !== 'number' || !(timeoutMarginMs >= 0) || !Number.isFinite(timeoutMarginMs)) {
      return fail('timeoutMarginMs must be a finite number ≥ 0');
    }
    if (o.logger !== undefined && !isLogger(o.logger))
      return fail('logger must have debug/info/warn/error/child');
    if (o.stdout !== undefined && typeof o.stdout?.write !== 'function')
      return fail('stdout must have write(line)');
    const clock = o.clock ?? systemClock;
    if (typeof clock.now !== 'function' || typeof clock.epochMs !== 'function')
      return fail('clock must have now() and epochMs()');
    return {
      ok: true,
      options: {
        functionName,
        environment,
        namespace,
        metricsNamespace,
        route: o.route,
        routes: o.routes,
        timeoutMarginMs,
        logger: o.logger,
        stdout: o.stdout,
        clock,
      },
    };
  } catch {
    return fail('options could not be read');
  }
}

function fail<T>(reason: string): OptionsResult<T> {
  return { ok: false, reason };
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max;
}

function isLogger(v: unknown): v is Logger {
  const l = v as Record<string, unknown> | null;
  return (
    l !== null && typeof l === 'object' && ['info', 'warn', 'error'].every((m) => typeof l[m] === 'function')
  );
}
