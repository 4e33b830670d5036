// Deploy-time settings of a generated dashboard's hidden constants (infra/grafana.ts). No imports: the SST app
// loads it.

/**
 * `json` (a dashboard) with its constant variables set to `values` (hidden constants such as the Cost dashboard's
 * `curDatabase` / `curTable`); other variables and unknown names are left alone.
 */
export function withConstants(json: string, values: Record<string, string>): string {
  const dashboard = JSON.parse(json) as { templating?: { list?: Record<string, unknown>[] } };
  let changed = false;
  for (const v of dashboard.templating?.list ?? []) {
    const value = typeof v.name === 'string' ? values[v.name] : undefined;
    if (v.type !== 'constant' || value === undefined) continue;
    v.query = value;
    v.current = { text: value, value };
    v.options = [{ text: value, value, selected: true }];
    changed = true;
  }
  return changed ? JSON.stringify(dashboard) : json;
}
