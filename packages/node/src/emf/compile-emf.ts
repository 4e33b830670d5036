import { serializeEmf } from './serialize-emf';
import { encode } from './serialize-single';
import type { EmfInput, EmfMetric } from './types';

/** Everything of an emission that stays the same from call to call. */
export interface EmfTemplate {
  namespace: string;
  dimensionSets: string[][];
  dimensions: Record<string, string>;
  /** Names and units; values come per call, in this order. */
  metrics: Omit<EmfMetric, 'value'>[];
  properties?: Record<string, unknown>;
}

/** Fills a compiled template: one value (or ≤ 100 values) per template metric, in order. */
export type CompiledEmf = (values: readonly (number | number[])[], timestamp?: number) => string;

/**
 * Precompiles an EMF emission whose shape is fixed (same namespace, dimensions and metric names every
 * time), so each call only writes the timestamp and the values: the fast path for per-request metrics.
 * The template is validated once by {@link serializeEmf}; values it cannot write inline (non-finite,
 * arrays over 100) fall back to {@link serializeEmf}, so the output is always valid EMF. Returns the
 * newline-terminated line(s); an empty string when nothing valid is left. Never throws.
 * @example
 * const render = compileEmf({ namespace: 'Shop', dimensionSets: [['service']], dimensions: { service: 'cart' },
 *   metrics: [{ name: 'ItemsAdded', unit: 'Count' }, { name: 'Latency', unit: 'Milliseconds' }] });
 * process.stdout.write(render([2, 35.5]));
 */
export function compileEmf(template: EmfTemplate): CompiledEmf {
  const probe: EmfInput = {
    ...template,
    metrics: template.metrics.map((m) => ({ ...m, value: 0 })),
    timestamp: 0,
  };
  const probed = serializeEmf(probe);
  const fallback: CompiledEmf = (values, timestamp) => {
    try {
      const metrics = template.metrics.map((m, i) => ({ ...m, value: values[i] as number | number[] }));
      return serializeEmf({ ...template, metrics, timestamp }).join('');
    } catch {
      return '';
    }
  };
  // Only a template that serializes to one document with every metric kept can be filled inline.
  if (probed.length !== 1 || countMetrics(probed[0] as string) !== template.metrics.length) return fallback;
  const doc = probed[0] as string;
  const tsEnd = doc.indexOf(',"CloudWatchMetrics"');
  // Everything after the timestamp, minus the zero values the probe wrote at the end (`,"Name":0` each).
  let tail = doc.slice(tsEnd, doc.length - 2);
  const prefixes: string[] = [];
  for (let i = template.metrics.length - 1; i >= 0; i--) {
    const member = ',' + encode((template.metrics[i] as EmfMetric).name) + ':';
    tail = tail.slice(0, tail.length - member.length - 1);
    prefixes.unshift(member);
  }
  const count = prefixes.length;
  return (values, timestamp) => {
    try {
      if (values.length !== count) return fallback(values, timestamp);
      let out = '{"_aws":{"Timestamp":' + (timestamp ?? Date.now()) + tail;
      for (let i = 0; i < count; i++) {
        const v = values[i];
        if (typeof v === 'number' && Number.isFinite(v)) out += (prefixes[i] as string) + v;
        else return fallback(values, timestamp);
      }
      return out + '}\n';
    } catch {
      return '';
    }
  };
}

function countMetrics(doc: string): number {
  try {
    const parsed = JSON.parse(doc) as { _aws: { CloudWatchMetrics: { Metrics: unknown[] }[] } };
    return parsed._aws.CloudWatchMetrics.reduce((n, d) => n + d.Metrics.length, 0);
  } catch {
    return -1;
  }
}
