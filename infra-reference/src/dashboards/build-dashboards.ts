import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { apiGatewayDashboard } from './boards/api-gateway';
import { costDashboard } from './boards/cost';
import { errorsLogsDashboard } from './boards/errors-logs';
import { infrastructureDashboard } from './boards/infrastructure';
import { lambdaDashboard } from './boards/lambda';
import { logAnalysisDashboard } from './boards/log-analysis';
import { webVitalsDashboard } from './boards/web-vitals';

/** Options of {@link buildDashboards}; the committed JSON uses the defaults. */
export interface DashboardOptions {
  /** @default 150 (the reference's AWS Budget) */
  monthlyBudgetUsd?: number;
}

/**
 * Every dashboard, keyed by its file name under `infra-reference/dashboards/`. Panel ids are numbered in
 * order so the output is stable from one run to the next.
 * @example
 * for (const [file, dashboard] of Object.entries(buildDashboards())) provision(file, dashboard);
 */
export function buildDashboards(options: DashboardOptions = {}): Record<string, Dashboard> {
  const builders = {
    'lambda-performance.json': lambdaDashboard(),
    'api-gateway.json': apiGatewayDashboard(),
    'web-vitals.json': webVitalsDashboard(),
    'errors-and-logs.json': errorsLogsDashboard(),
    'cost.json': costDashboard({ monthlyBudgetUsd: options.monthlyBudgetUsd ?? 150 }),
    'infrastructure-health.json': infrastructureDashboard(),
    'log-analysis.json': logAnalysisDashboard(),
  };
  const out: Record<string, Dashboard> = {};
  for (const [file, builder] of Object.entries(builders)) {
    const dashboard = builder.build();
    (dashboard.panels ?? []).forEach((panel, i) => {
      (panel as { id?: number }).id = i + 1;
    });
    // A JSON round trip drops the `undefined` members the builders leave behind, as the written file does.
    out[file] = JSON.parse(JSON.stringify(dashboard)) as Dashboard;
  }
  return out;
}

/** The exact text written for a dashboard (before biome formats the file; the drift test compares parsed JSON). */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
