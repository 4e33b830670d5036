import { NAMESPACES } from '@usermetrics/core';
import { defaultEnvironment } from '../context/default-environment';
import { activeStore } from '../context/invocation-store';
import { reportFailure } from '../diagnostics/report-failure';
import { writeEmf } from '../emf/write-emf';
import type { LineSink } from '../io/stdout';
import { metrics } from '../metrics/metrics';
import type { LambdaContextLike, UsermetricsOptions } from './types';
import { withUsermetrics } from './with-usermetrics';

/**
 * Alias of {@link withUsermetrics} under the name of the architecture reference (metrics and logs are one
 * wrapper). The reference's `withMetrics(withLogging(handler))` still counts each invocation once: an inner
 * wrapper on the same invocation passes through.
 * @example export const handler = withMetrics(myHandler);
 */
export function withMetrics<TEvent, TResult, TContext extends LambdaContextLike = LambdaContextLike>(
  handler: (event: TEvent, context: TContext) => Promise<TResult>,
  options?: UsermetricsOptions<TEvent>,
): (event: TEvent, context: TContext) => Promise<TResult> {
  return withUsermetrics(handler, options);
}

/**
 * Alias of {@link withUsermetrics} under the name of the architecture reference (metrics and logs are one
 * wrapper).
 * @example export const handler = withLogging(myHandler);
 */
export function withLogging<TEvent, TResult, TContext extends LambdaContextLike = LambdaContextLike>(
  handler: (event: TEvent, context: TContext) => Promise<TResult>,
  options?: UsermetricsOptions<TEvent>,
): (event: TEvent, context: TContext) => Promise<TResult> {
  return withUsermetrics(handler, options);
}

/**
 * Alias of `metrics.add(name, value, 'None', dimensions)` under the name of the architecture reference.
 * @example publishMetric('OrdersPlaced', 1, { paymentMethod: 'card' });
 */
export function publishMetric(metricName: string, value: number, dimensions?: Record<string, string>): void {
  metrics.add(metricName, value, 'None', dimensions);
}

/**
 * Records a cold start (ColdStart = 1 and InitDuration) for code that is not wrapped by `withUsermetrics`.
 * Inside a wrapped invocation it does nothing, because the wrapper already measures cold starts and a second
 * sample would double-count. Dimensions come from `AWS_LAMBDA_FUNCTION_NAME` and the default environment
 * (`USERMETRICS_ENVIRONMENT`, then `NODE_ENV`, then `'production'`). Never throws.
 * @example recordColdStart(performance.now());
 */
export function recordColdStart(durationMs: number, stdout?: LineSink): void {
  try {
    if (activeStore() !== undefined) return;
    if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) return;
    const env = process.env;
    writeEmf(
      {
        namespace: NAMESPACES.lambda,
        dimensionSets: [['functionName', 'environment']],
        dimensions: {
          functionName: env.AWS_LAMBDA_FUNCTION_NAME || 'unknown',
          environment: defaultEnvironment(env),
        },
        metrics: [
          { name: 'ColdStart', unit: 'Count', value: 1 },
          { name: 'InitDuration', unit: 'Milliseconds', value: durationMs },
        ],
      },
      stdout,
    );
  } catch (error) {
    // Never breaks the host.
    reportFailure('recordColdStart', error);
  }
}
