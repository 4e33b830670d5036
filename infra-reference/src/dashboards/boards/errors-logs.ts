import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { board } from '../board';
import { datasourceRef, datasourceVariable } from '../datasources';
import { INSIGHTS, insightsQuery, logGroupVariable } from '../logs-insights';
import { bars, logs, table, timeseries } from '../panels';
import { textVariable } from '../variables';

const cw = datasourceRef('cloudwatch');

/**
 * Errors and logs with CloudWatch Logs Insights over the structured log record (DESIGN §4) and Lambda's
 * REPORT lines — works without OpenSearch. Logs Insights bills per GB scanned: keep the time range and the
 * log-group selection narrow.
 */
export function errorsLogsDashboard(): DashboardBuilder {
  return board(
    'usermetrics-errors-logs',
    'usermetrics · Errors and logs (Logs Insights)',
    'CloudWatch Logs Insights over the usermetrics JSON log record: volume by level, errors by name, function and route, recent errors, slowest requests, and a lookup by sessionId / requestId / traceId / errorId.',
    ['logs', 'errors'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(logGroupVariable())
    .withVariable(textVariable('id', 'sessionId / requestId / traceId / errorId'))
    .withRow(new RowBuilder('Errors'))
    .withPanel(
      timeseries('Log lines by level', 'short', cw, [insightsQuery(INSIGHTS.volumeByLevel)], {
        bars: true,
        stacked: true,
      }),
    )
    .withPanel(bars('Errors by error name', 'short', cw, [insightsQuery(INSIGHTS.errorsByName)]))
    .withPanel(table('Errors by name and route', cw, [insightsQuery(INSIGHTS.errorsByNameAndRoute)]))
    .withPanel(
      table('Top failing functions', cw, [insightsQuery(INSIGHTS.topFailingFunctions)], {
        description: 'ERROR lines per functionName and how many distinct requests they came from.',
      }),
    )
    .withPanel(logs('Recent errors and warnings', cw, [insightsQuery(INSIGHTS.recentErrors)]))
    .withRow(new RowBuilder('Requests'))
    .withPanel(
      timeseries('Duration from REPORT lines', 'ms', cw, [insightsQuery(INSIGHTS.durationByFunction)], {
        description:
          "Lambda's own REPORT lines: percentiles of @duration and the number of cold starts (@initDuration present).",
      }),
    )
    .withPanel(table('Slowest requests', cw, [insightsQuery(INSIGHTS.slowestRequests)]))
    .withPanel(
      logs('Everything about one id', cw, [insightsQuery(INSIGHTS.findById)], {
        description:
          'Type a sessionId, requestId, traceId or errorId (the one the browser got back) into the id box above.',
      }),
    );
}
