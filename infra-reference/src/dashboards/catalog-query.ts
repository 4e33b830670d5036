import {
  MetricEditorMode,
  MetricQueryType,
  MetricsQueryBuilder,
  QueryMode,
} from '@grafana/grafana-foundation-sdk/cloudwatch';
import { type CatalogMetricName, METRIC_CATALOG } from '@usermetrics/core';
import { datasourceRef } from './datasources';

/**
 * What each catalog dimension is bound to on a panel: the dashboard variable the viewer picks, or `*`
 * for a dimension the panel breaks down by (one series per value).
 */
const DIMENSION_VALUES: Record<string, string> = {
  functionName: '$functionName',
  environment: '$environment',
  route: '$route',
  errorType: '*',
  reason: '*',
};

/** Options of one metric query. */
export interface MetricQueryOptions {
  refId?: string;
  /** CloudWatch dynamic label, e.g. `${PROP('Dim.route')} p95`. */
  label?: string;
  /** Region of the query; `default` is the data source's own. */
  region?: string;
  /** Seconds, or empty for Grafana's automatic period. */
  period?: string;
}

/**
 * A CloudWatch query for a catalog metric (DESIGN §3) in its own namespace, with exactly the dimension
 * set at `setIndex` of the catalog entry and `matchExact`, so a series of another dimension set (say
 * Errors by errorType when the panel shows Errors per function) is never summed in.
 * @example catalogQuery('Duration', 1, 'p95', { label: "${PROP('Dim.route')} p95" })
 */
export function catalogQuery(
  name: CatalogMetricName,
  setIndex: number,
  statistic: string,
  options: MetricQueryOptions = {},
): MetricsQueryBuilder {
  const def = METRIC_CATALOG[name];
  const set = def.dimensionSets[setIndex];
  if (set === undefined) throw new Error(`${name} has no dimension set #${setIndex}`);
  const dimensions: Record<string, string> = {};
  for (const key of set) {
    const value = DIMENSION_VALUES[key];
    if (value === undefined) throw new Error(`no dashboard binding for dimension ${key} of ${name}`);
    dimensions[key] = value;
  }
  return metricQuery(def.namespace, def.name, dimensions, statistic, options);
}

/** A CloudWatch metric query (builder mode, metric search) for any namespace. */
export function metricQuery(
  namespace: string,
  metricName: string,
  dimensions: Record<string, string>,
  statistic: string,
  options: MetricQueryOptions = {},
): MetricsQueryBuilder {
  const q = new MetricsQueryBuilder()
    .datasource(datasourceRef('cloudwatch'))
    .queryMode(QueryMode.Metrics)
    .metricQueryType(MetricQueryType.Search)
    .metricEditorMode(MetricEditorMode.Builder)
    .region(options.region ?? 'default')
    .namespace(namespace)
    .metricName(metricName)
    .dimensions(dimensions)
    .matchExact(true)
    .statistic(statistic)
    .id('')
    .period(options.period ?? '')
    .refId(options.refId ?? 'A');
  if (options.label !== undefined) q.label(options.label);
  return q;
}

/** CloudWatch dynamic label of a dimension's value (`${PROP('Dim.key')}`), for legends. */
export function dim(key: string): string {
  return '$' + `{PROP('Dim.${key}')}`;
}
