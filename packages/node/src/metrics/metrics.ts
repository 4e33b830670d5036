import { defaultEnvironment } from '../context/default-environment';
import type { InvocationStore } from '../context/invocation-store';
import { activeStore } from '../context/invocation-store';
import { reportFailure } from '../diagnostics/report-failure';
import {
  addToBuffer,
  createBuffer,
  flushBuffer,
  type UserMetricsBuffer,
  type UserMetricsConfig,
} from './user-metrics-buffer';

/** The user metrics API. */
export interface Metrics {
  /**
   * Records one sample into the user's namespace (`metricsNamespace`). Inside a wrapped invocation the
   * sample is written when the invocation ends; outside one it is buffered until {@link Metrics.flush}.
   * Without `dimensions` the metric gets `functionName` and `environment`. Never throws; invalid names,
   * non-finite values and samples aws-embedded-metrics would refuse (blank or non-ASCII dimension values,
   * a metric named like one of its dimensions, …) are ignored.
   * @param unit a CloudWatch unit; anything else is written as `None`. @default 'None'
   * @example metrics.add('OrdersPlaced', 1, 'Count', { paymentMethod: 'card' });
   */
  add(name: string, value: number, unit?: string, dimensions?: Record<string, string>): void;
  /** Writes what is buffered now (the current invocation's, or the process buffer outside one). Never rejects. */
  flush(): Promise<void>;
}

/** Per-invocation settings the wrapper puts in the store, read when the first metric is added. @internal */
export interface StoreWithMetrics extends InvocationStore {
  userMetricsConfig?: UserMetricsConfig;
  userMetrics?: UserMetricsBuffer;
}

let processBuffer: UserMetricsBuffer | undefined;

function bufferForProcess(): UserMetricsBuffer {
  if (processBuffer === undefined) {
    const env = process.env;
    const defaultDimensions: Record<string, string> = {};
    if (env.AWS_LAMBDA_FUNCTION_NAME) defaultDimensions.functionName = env.AWS_LAMBDA_FUNCTION_NAME;
    defaultDimensions.environment = defaultEnvironment(env);
    processBuffer = createBuffer({
      namespace: env.AWS_EMF_NAMESPACE || 'UserMetrics/Custom',
      defaultDimensions,
    });
  }
  return processBuffer;
}

function currentBuffer(): UserMetricsBuffer {
  const store = activeStore() as StoreWithMetrics | undefined;
  if (store?.userMetricsConfig === undefined) return bufferForProcess();
  if (store.userMetrics === undefined) {
    const properties: Record<string, string> = { requestId: store.requestId };
    if (store.sessionId !== undefined) properties.sessionId = store.sessionId;
    store.userMetrics = createBuffer(store.userMetricsConfig, properties);
  }
  return store.userMetrics;
}

/**
 * Custom metrics from handler code, written as CloudWatch EMF. Unless `AWS_EMF_ENVIRONMENT` is `Local`,
 * `Agent`, `EC2` or `ECS`, the documents are serialized by this package and written synchronously to stdout
 * — in Lambda and outside it alike, with nothing configured — and aws-embedded-metrics is never loaded nor
 * the network touched. With one of those four, aws-embedded-metrics is loaded on the first flush and its sink
 * is used.
 * @example
 * import { metrics } from '@usermetrics/node';
 * metrics.add('CartValue', 42.5, 'None', { currency: 'EUR' });
 */
export const metrics: Metrics = {
  add(name, value, unit, dimensions) {
    try {
      addToBuffer(currentBuffer(), name, value, unit, dimensions);
    } catch (error) {
      reportFailure('metrics.add', error);
      // Telemetry never breaks the host: an invalid metric is dropped.
    }
  },
  async flush() {
    try {
      await flushBuffer(currentBuffer());
    } catch (error) {
      reportFailure('metrics.flush', error);
      // Nothing to report to: flushing is best effort.
    }
  },
};

/**
 * The wrapper's end-of-invocation flush: a promise only when the invocation added metrics and they go
 * through aws-embedded-metrics (outside Lambda); in Lambda the write is synchronous. The promise never
 * rejects; a synchronous failure (stdout) is thrown to the caller's guard (the wrapper's finish). @internal
 */
export function flushInvocationMetrics(store: StoreWithMetrics): Promise<void> | undefined {
  const buffer = store.userMetrics;
  if (buffer === undefined || buffer.records.size === 0) return undefined;
  return flushBuffer(buffer);
}
