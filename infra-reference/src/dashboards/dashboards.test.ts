import { readdirSync, readFileSync } from 'node:fs';
import { METRIC_CATALOG, WEB_VITAL_METRICS } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import { buildDashboards } from './build-dashboards';
import { DATASOURCES } from './datasources';
import { TIME_FIELD } from './opensearch-query';

const dir = new URL('../../dashboards/', import.meta.url);
const generated = buildDashboards() as unknown as Record<string, DashboardJson>;
const all = Object.values(generated);
const byUid = (uid: string) => all.find((d) => d.uid === uid) as DashboardJson;
const metricTargets = (d: DashboardJson) =>
  targetsOf(d).filter(({ target }) => target.queryMode === 'Metrics');

describe('committed dashboards', () => {
  it('are exactly what the generator writes (run `npm run dashboards -w infra-reference` after a change)', () => {
    const committed = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(committed.sort()).toEqual(Object.keys(generated).sort());
    for (const file of committed) {
      const onDisk: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      expect(onDisk, `${file} drifted from the generator`).toEqual(generated[file]);
    }
  });
});

describe('metric catalog coverage (DESIGN §3)', () => {
  it('shows every catalog metric on a panel, in its own namespace, with only a dimension set the catalog declares', () => {
    const seen = new Set<string>();
    for (const dashboard of all) {
      for (const { panel, target } of metricTargets(dashboard)) {
        expect(catalogViolation(target), `${dashboard.uid} / ${panel.title}`).toBeUndefined();
        if (target.namespace?.startsWith('UserMetrics/')) seen.add(target.metricName ?? '');
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(METRIC_CATALOG).sort());
  });

  it.each<[string, TargetJson]>([
    ['an extra dimension', q('UserMetrics/Lambda', 'Errors', ['functionName', 'environment', 'route'])],
    ['a missing dimension', q('UserMetrics/Lambda', 'Duration', ['functionName'])],
    ['the wrong namespace', q('UserMetrics/Frontend', 'Invocations', ['functionName', 'environment'])],
    ['a metric outside the catalog', q('UserMetrics/Lambda', 'Throttles', ['functionName', 'environment'])],
    [
      'a loose match',
      { ...q('UserMetrics/Lambda', 'Invocations', ['functionName', 'environment']), matchExact: false },
    ],
  ])('catches a query with %s (control for the coverage check)', (_label, target) => {
    expect(catalogViolation(target)).toBeDefined();
    expect(
      catalogViolation(q('UserMetrics/Lambda', 'Errors', ['environment', 'errorType', 'functionName'])),
    ).toBeUndefined();
  });
});

function q(namespace: string, metricName: string, keys: string[]): TargetJson {
  return {
    queryMode: 'Metrics',
    namespace,
    metricName,
    dimensions: Object.fromEntries(keys.map((k) => [k, '*'])),
    matchExact: true,
  };
}

describe('what the issue asks each dashboard to show', () => {
  const stats = (d: DashboardJson, metric: string, dimension?: string) =>
    metricTargets(d)
      .filter(
        ({ target }) =>
          target.metricName === metric && (dimension === undefined || dimension in (target.dimensions ?? {})),
      )
      .map(({ target }) => target.statistic);

  it('Lambda: invocations, errors by errorType, cold starts, init duration, duration p50/p95/p99 by route, timeouts', () => {
    const d = byUid('usermetrics-lambda');
    expect(stats(d, 'Invocations')).toContain('Sum');
    expect(stats(d, 'Errors', 'errorType')).toContain('Sum');
    expect(stats(d, 'ColdStart')).toEqual(expect.arrayContaining(['Sum', 'Average']));
    expect(stats(d, 'InitDuration')).toEqual(expect.arrayContaining(['p50', 'p95']));
    expect(stats(d, 'Duration', 'route')).toEqual(['p50', 'p95', 'p99']);
    expect(stats(d, 'TimeoutWarning')).toContain('Sum');
  });

  it('API Gateway: count, 4xx, 5xx and latency', () => {
    const d = byUid('usermetrics-api-gateway');
    for (const metric of ['Count', '4xx', '5xx', 'Latency'])
      expect(stats(d, metric).length).toBeGreaterThan(0);
    expect(metricTargets(d).every(({ target }) => target.namespace === 'AWS/ApiGateway')).toBe(true);
  });

  it('Web Vitals: p75 of the five vitals per route, rating mix, frontend errors and rejected items', () => {
    const d = byUid('usermetrics-web-vitals');
    for (const metric of Object.values(WEB_VITAL_METRICS)) expect(stats(d, metric, 'route')).toEqual(['p75']);
    const ratingMix = targetsOf(d).filter(({ target }) => /by rating$/.test(target.expression ?? ''));
    expect(ratingMix).toHaveLength(5);
    expect(stats(d, 'FrontendErrors', 'errorType')).toEqual(['Sum']);
    expect(stats(d, 'MetricsRejected', 'reason')).toEqual(['Sum']);
  });

  it('errors and logs: Logs Insights over the log record fields and REPORT lines', () => {
    const expressions = targetsOf(byUid('usermetrics-errors-logs')).map(
      ({ target }) => target.expression ?? '',
    );
    const text = expressions.join('\n');
    for (const field of [
      'level',
      'error.name',
      'functionName',
      'context.route',
      'requestId',
      'sessionId',
      'traceId',
      '@duration',
    ]) {
      expect(text).toContain(field);
    }
    expect(
      targetsOf(byUid('usermetrics-errors-logs')).every(({ target }) => target.queryMode === 'Logs'),
    ).toBe(true);
  });

  it('cost: budget vs actual from AWS/Billing in us-east-1, and cost by Component from CUR through Athena', () => {
    const d = byUid('usermetrics-cost');
    const billing = metricTargets(d).filter(({ target }) => target.namespace === 'AWS/Billing');
    expect(billing.map(({ target }) => target.metricName)).toContain('EstimatedCharges');
    expect(billing.every(({ target }) => (target as { region?: string }).region === 'us-east-1')).toBe(true);
    const sql = targetsOf(d)
      .map(({ target }) => target.rawSQL ?? '')
      .join('\n');
    expect(sql).toContain("resource_tags['user_component']");
    const budgetSteps = JSON.stringify(d.panels?.find((p) => p.title === 'Estimated charges vs budget'));
    expect(budgetSteps).toContain('"value":150');
  });

  it('infrastructure: ECS, ALB and Aurora', () => {
    const namespaces = new Set(
      metricTargets(byUid('usermetrics-infrastructure')).map(({ target }) => target.namespace),
    );
    expect(namespaces).toEqual(new Set(['AWS/ECS', 'AWS/ApplicationELB', 'AWS/RDS']));
  });

  it('log analysis: OpenSearch errors by error name and route, top failing functions, slowest requests, plus Logs Insights', () => {
    const d = byUid('usermetrics-log-analysis');
    const os = targetsOf(d).filter(({ target }) => target.datasource?.type === DATASOURCES.opensearch.type);
    const grouped = os.map(
      ({ panel, target }) => [panel.title, (target.bucketAggs ?? []).map((b) => b.field)] as const,
    );
    expect(grouped).toEqual(
      expect.arrayContaining([
        ['Errors by error name and route', ['error.name', 'context.route']],
        ['Top failing functions', ['functionName']],
        ['Slowest requests', ['requestId', 'functionName']],
      ]),
    );
    const insights = targetsOf(d).filter(({ target }) => target.queryMode === 'Logs');
    expect(insights.map(({ panel }) => panel.title)).toEqual([
      'Errors by error name and route',
      'Top failing functions',
      'Slowest requests',
    ]);
  });
});

describe('log analysis against the OpenSearch index template', () => {
  const template = JSON.parse(
    readFileSync(new URL('../../opensearch/index-template.json', import.meta.url), 'utf8'),
  );
  const typeOf = (path: string): string | undefined => {
    let node = template.template.mappings;
    for (const part of path.split('.')) node = node?.properties?.[part];
    return node?.type;
  };

  it("is read by a Grafana OpenSearch data source whose time field is the forwarder's (synth of the deployment)", () => {
    for (const stage of ['dev', 'prod']) {
      const synth = JSON.parse(readFileSync(new URL(`../../.synth/${stage}.json`, import.meta.url), 'utf8'));
      const openSearch = synth.resources.filter(
        (r: { type: string; inputs: { type?: string } }) =>
          r.type === 'grafana:oss/dataSource:DataSource' && r.inputs.type === DATASOURCES.opensearch.type,
      );
      expect(openSearch).toHaveLength(1);
      expect(JSON.parse(openSearch[0].inputs.jsonDataEncoded).timeField, stage).toBe(TIME_FIELD);
    }
  });

  it('filters and aggregates only on fields the template maps as keyword, number, boolean or date (never analysed text)', () => {
    const fields = new Set<string>();
    for (const { target } of targetsOf(byUid('usermetrics-log-analysis'))) {
      if (target.datasource?.type !== DATASOURCES.opensearch.type) continue;
      for (const agg of [...(target.metrics ?? []), ...(target.bucketAggs ?? [])])
        if (agg.field) fields.add(agg.field);
      for (const m of (target.query ?? '').matchAll(/([A-Za-z][\w.]*):/g)) fields.add(m[1] as string);
    }
    expect(fields).toContain('context.route');
    const AGGREGATABLE = new Set(['keyword', 'long', 'integer', 'double', 'date', 'boolean']);
    for (const field of fields)
      expect(AGGREGATABLE.has(typeOf(field) ?? 'unmapped'), `${field} is ${typeOf(field)}`).toBe(true);
    // Control: the lookup does see analysed text where the template has it.
    expect(typeOf('message')).toBe('text');
  });
});

describe('wiring', () => {
  it('points every panel and query at a data source variable of the same plugin type, never at a fixed uid', () => {
    for (const d of all) {
      const dsVariables = new Map(
        (d.templating?.list ?? [])
          .filter((v) => v.type === 'datasource')
          .map((v) => [`\${${v.name}}`, v.query]),
      );
      for (const panel of d.panels ?? []) {
        const refs = [panel.datasource, ...(panel.targets ?? []).map((t) => t.datasource)].filter(
          (r) => r !== undefined,
        );
        for (const ref of refs) {
          expect(dsVariables.get(ref?.uid ?? ''), `${d.uid} / ${panel.title} uses ${ref?.uid}`).toBe(
            ref?.type,
          );
        }
      }
    }
  });

  it('defines every $variable a query uses', () => {
    for (const d of all) {
      const defined = new Set((d.templating?.list ?? []).map((v) => v.name));
      const used = new Set(
        [...JSON.stringify(d.panels).matchAll(/\$\{?([A-Za-z][A-Za-z0-9_]*)/g)]
          .map((m) => m[1] as string)
          .filter((name) => name !== 'PROP' && name !== 'default'),
      );
      expect(
        [...used].filter((name) => !defined.has(name)),
        d.uid,
      ).toEqual([]);
    }
  });

  it('gives every dashboard a unique uid, unique panel ids and panels that fit the 24-column grid without overlapping', () => {
    expect(new Set(all.map((d) => d.uid)).size).toBe(all.length);
    for (const d of all) {
      const panels = d.panels ?? [];
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      const cells = new Set<string>();
      for (const { gridPos, title } of panels) {
        if (gridPos === undefined) throw new Error(`${d.uid} / ${title} has no gridPos`);
        expect(gridPos.x + gridPos.w, `${d.uid} / ${title}`).toBeLessThanOrEqual(24);
        for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
          for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
            expect(cells.has(`${x},${y}`), `${d.uid} / ${title} overlaps at ${x},${y}`).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    }
  });
});

// The parts of a dashboard JSON these checks read, and the catalog rule they apply.

/** The parts of a dashboard JSON the checks read. */
interface DashboardJson {
  uid?: string;
  title?: string;
  panels?: PanelJson[];
  templating?: { list?: { name?: string; type?: string; query?: unknown; datasource?: { type?: string } }[] };
}

/** One panel of a dashboard JSON. */
interface PanelJson {
  id?: number;
  type?: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: TargetJson[];
}

/** One query of a panel (CloudWatch metrics or logs, OpenSearch, Athena). */
interface TargetJson {
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
function targetsOf(dashboard: DashboardJson): { panel: PanelJson; target: TargetJson }[] {
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
function catalogViolation(target: TargetJson): string | undefined {
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
