import { describe, expect, it } from 'vitest';
import { buildDashboards } from './build-dashboards';
import { bindDatasources, datasourceRef } from './datasources';

const logAnalysis = buildDashboards()['log-analysis.json'] as object;
type Variable = { name?: string; type?: string; current?: unknown };
const variables = (d: unknown) => (d as { templating: { list: Variable[] } }).templating.list;

describe('bindDatasources', () => {
  it('presets the data source variables a deployment names, and leaves the rest and the input alone', () => {
    const bound = bindDatasources(logAnalysis, { opensearch: { uid: 'os-uid-1', name: 'usermetrics-logs' } });

    const byName = new Map(variables(bound).map((v) => [v.name, v]));
    expect(byName.get('opensearch')?.current).toEqual({
      selected: true,
      text: 'usermetrics-logs',
      value: 'os-uid-1',
    });
    expect(byName.get('cloudwatch')?.current).toBeUndefined();
    expect(variables(logAnalysis).find((v) => v.name === 'opensearch')?.current).toBeUndefined();
    // Panels keep pointing at the variable, so a viewer can still switch data sources.
    expect(JSON.stringify((bound as { panels: unknown }).panels)).toContain(
      `"uid":"${datasourceRef('opensearch').uid}"`,
    );
  });
});
