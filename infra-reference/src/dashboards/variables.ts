import {
  ConstantVariableBuilder,
  QueryVariableBuilder,
  TextBoxVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceRef } from './datasources';

/** Options of {@link dimensionVariable}. */
export interface DimensionVariableOptions {
  label: string;
  namespace: string;
  /** CloudWatch lists dimension values per metric. */
  metricName: string;
  dimensionKey: string;
  /** Other dimensions the values depend on, e.g. `{ environment: '$environment' }` (chained variables). */
  filters?: Record<string, string>;
  /** Several values or All (`*`, CloudWatch's wildcard, so "All" also covers values that appear later). */
  multi?: boolean;
  region?: string;
}

/** A variable filled from CloudWatch dimension values, refreshed with the time range like Grafana users expect. */
export function dimensionVariable(name: string, o: DimensionVariableOptions): QueryVariableBuilder {
  const v = new QueryVariableBuilder(name)
    .label(o.label)
    .datasource(datasourceRef('cloudwatch'))
    .query({
      refId: 'CloudWatchVariableQueryEditor-VariableQuery',
      queryType: 'dimensionValues',
      region: o.region ?? 'default',
      namespace: o.namespace,
      metricName: o.metricName,
      dimensionKey: o.dimensionKey,
      dimensionFilters: o.filters ?? {},
    })
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc);
  if (o.multi) v.multi(true).includeAll(true).allValue('*');
  return v;
}

/** A free-text variable (an id to look up, a filter). */
export function textVariable(name: string, label: string, value = ''): TextBoxVariableBuilder {
  return new TextBoxVariableBuilder(name).label(label).current({ text: value, value }).defaultValue(value);
}

/** A hidden value (Grafana never shows constants) a deployment may override when it provisions the dashboard (a budget, a table name). */
export function constantVariable(name: string, value: string): ConstantVariableBuilder {
  return new ConstantVariableBuilder(name).value(value);
}
