import { METRIC_CATALOG } from '@usermetrics/core';

/** The parts of a dashboard JSON the checks read. */
export interface DashboardJson {
  uid?: string;
  title?: string;
  panels?: PanelJson[];
  templating?: { list?: { name?: string; type?: string; query?: unknown; datasource?: { type?: string } }[] };
}

/** One panel of a dashboard JSON. */
export interface PanelJson {
  id?: number;
  type?: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: TargetJson[];
}

/** One query of a panel (CloudWatch metrics or logs, OpenSearch, Athena). */
export interface TargetJson {
  refId?: string;
  datasource?: { type?: string; uid?: string };
  queryMode?: string;
  namespace?: string;
  metricName?: string;
  dimensions?: Record<string, string>;
  matchExact?: boolean;
  statistic?: string;
  expression?: string;
  query?: string;
  rawSQL?: string;
  metrics?: { type?: string; field?: string }[];
  bucketAggs?: { type?: string; field?: string }[];
}

/** Every panel's targets, with the panel they sit on. */
export function targetsOf(dashboard: DashboardJson): { panel: PanelJson; target: TargetJson }[] {
  return (dashboard.panels ?? []).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel, target })),
  );
}

const CATALOG_NAMESPACES = new Set<string>(Object.values(METRIC_CATALOG).map((m) => m.namespace));

/**
 * Why a CloudWatch metric query does not follow the catalog (DESIGN §3), or `undefined` when it does: a
 * query in a usermetrics namespace must name a catalog metric of that namespace, use exactly one of the
 * catalog's dimension sets, and match it exactly (so another set's series are never mixed in).
 */
export function catalogViolation(target: TargetJson): string | undefined {
  if (target.queryMode !== 'Metrics' || !CATALOG_NAMESPACES.has(target.namespace ?? '')) return undefined;
  const def = Object.values(METRIC_CATALOG).find((m) => m.name === target.metricName);
  if (def === undefined) return `${target.metricName} is not in the metric catalog`;
  if (def.namespace !== target.namespace)
    return `${def.name} belongs to ${def.namespace}, not ${target.namespace}`;
  const keys = Object.keys(target.dimensions ?? {}).sort();
  const declared = def.dimensionSets.map((set) => [...set].sort());
  if (!declared.some((set) => set.join() === keys.join())) {
    return `${def.name} queried with [${keys}] but the catalog declares ${declared.map((s) => `[${s}]`).join(' ')}`;
  }
  if (target.matchExact !== true) return `${def.name} must match its dimension set exactly`;
  return undefined;
}
