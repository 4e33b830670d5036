import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import { DatasourceVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * Every panel names its data source through a dashboard variable (`${cloudwatch}`, `${opensearch}`,
 * `${athena}`), never a fixed uid: Grafana picks the first data source of that plugin type by default, and
 * a deployment pins its own uids with {@link bindDatasources} before provisioning the JSON.
 */
export const DATASOURCES = {
  cloudwatch: { variable: 'cloudwatch', type: 'cloudwatch', label: 'CloudWatch' },
  opensearch: { variable: 'opensearch', type: 'grafana-opensearch-datasource', label: 'OpenSearch' },
  athena: { variable: 'athena', type: 'grafana-athena-datasource', label: 'Athena (CUR)' },
} as const;

/** A data source kind the dashboards use. */
export type DatasourceKind = keyof typeof DATASOURCES;

/** The reference panels and queries carry: the plugin type and the variable standing for the uid. */
export function datasourceRef(kind: DatasourceKind): DataSourceRef {
  const { type, variable } = DATASOURCES[kind];
  return { type, uid: `\${${variable}}` };
}

/** The dashboard variable that lets a viewer (or {@link bindDatasources}) choose the data source. */
export function datasourceVariable(kind: DatasourceKind): DatasourceVariableBuilder {
  const { type, variable, label } = DATASOURCES[kind];
  return new DatasourceVariableBuilder(variable).label(label).type(type);
}

/** A data source a deployment created: the uid Grafana gave it and the name it shows. */
export interface BoundDatasource {
  uid: string;
  name: string;
}

interface TemplatingVariable {
  name?: string;
  type?: string;
  current?: unknown;
  [key: string]: unknown;
}

/**
 * Returns a copy of a generated dashboard whose data source variables are preset to the given data
 * sources (e.g. the ones the deployment provisioned into the Managed Grafana workspace). Other variables
 * and every panel stay untouched; the panels keep pointing at the variables.
 * @example
 * const json = bindDatasources(dashboard, { cloudwatch: { uid: cw.uid, name: cw.name } });
 */
export function bindDatasources<T extends object>(
  dashboard: T,
  bound: Partial<Record<DatasourceKind, BoundDatasource>>,
): T {
  const copy = structuredClone(dashboard) as T & { templating?: { list?: TemplatingVariable[] } };
  for (const variable of copy.templating?.list ?? []) {
    if (variable.type !== 'datasource') continue;
    const kind = (Object.keys(DATASOURCES) as DatasourceKind[]).find(
      (k) => DATASOURCES[k].variable === variable.name,
    );
    const target = kind === undefined ? undefined : bound[kind];
    if (target === undefined) continue;
    variable.current = { selected: true, text: target.name, value: target.uid };
  }
  return copy;
}
