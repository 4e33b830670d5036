import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  AdHocVariableBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { board } from '../board';
import { datasourceRef, datasourceVariable } from '../datasources';
import { INSIGHTS, insightsQuery, logGroupVariable } from '../logs-insights';
import { agg, openSearchQuery } from '../opensearch-query';
import { logs, table, timeseries } from '../panels';

const os = datasourceRef('opensearch');
const cw = datasourceRef('cloudwatch');
const FN = 'functionName:$functionName';

/**
 * Log analysis over the documents the log forwarder writes to OpenSearch (errors by error name and route,
 * top failing functions, slowest requests from REPORT lines), and the same questions as a CloudWatch Logs
 * Insights panel set for teams that run without OpenSearch.
 */
export function logAnalysisDashboard(): DashboardBuilder {
  return board(
    'usermetrics-log-analysis',
    'usermetrics · Log analysis',
    'Forwarded logs in OpenSearch (usermetrics-logs-*): errors by error name and route, top failing functions, slowest requests; plus a CloudWatch Logs Insights panel set for the same questions.',
    ['logs', 'opensearch'],
  )
    .withVariable(datasourceVariable('opensearch'))
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(
      new QueryVariableBuilder('functionName')
        .label('Function')
        .datasource(os)
        .query('{"find": "terms", "field": "functionName", "size": 500}')
        .refresh(VariableRefresh.OnTimeRangeChanged)
        .sort(VariableSort.AlphabeticalAsc)
        .multi(true)
        .includeAll(true)
        .allValue('*'),
    )
    .withVariable(new AdHocVariableBuilder('filters').label('Filters').datasource(os))
    .withVariable(logGroupVariable())
    .withRow(new RowBuilder('OpenSearch'))
    .withPanel(
      timeseries(
        'Errors by error name',
        'short',
        os,
        [
          openSearchQuery(
            `level:ERROR AND ${FN}`,
            [agg.count()],
            [agg.terms('error.name', '2', 10), agg.overTime('3')],
          ),
        ],
        { bars: true, stacked: true },
      ),
    )
    .withPanel(
      table(
        'Errors by error name and route',
        os,
        [
          openSearchQuery(
            `level:ERROR AND ${FN}`,
            [agg.count(), agg.uniqueCount('sessionId', '4')],
            [agg.terms('error.name', '2', 20), agg.terms('context.route', '3', 20, '_count', '(no route)')],
          ),
        ],
        {
          description:
            'Frontend errors carry their route pattern in context.route; Lambda failures have none.',
        },
      ),
    )
    .withPanel(
      table('Top failing functions', os, [
        openSearchQuery(
          'level:ERROR',
          [agg.count(), agg.uniqueCount('requestId', '3')],
          [agg.terms('functionName', '2', 10)],
        ),
      ]),
    )
    .withPanel(
      table(
        'Slowest requests',
        os,
        [
          openSearchQuery(
            `report:true AND ${FN}`,
            [agg.max('durationMs', '1'), agg.max('initDurationMs', '4'), agg.max('maxMemoryUsedMb', '5')],
            [agg.terms('requestId', '2', 25, '1'), agg.terms('functionName', '3', 1)],
          ),
        ],
        {
          description:
            "From Lambda's REPORT lines: duration, init duration on a cold start, and peak memory of each request.",
        },
      ),
    )
    .withPanel(
      timeseries(
        'Duration p50 / p95 / p99 from REPORT lines',
        'ms',
        os,
        [
          openSearchQuery(
            `report:true AND ${FN}`,
            [agg.percentiles('durationMs', '1', ['50', '95', '99'])],
            [agg.overTime('2')],
          ),
        ],
        { span: 24 },
      ),
    )
    .withPanel(
      logs('Errors and warnings', os, [openSearchQuery(`level:(ERROR OR WARN) AND ${FN}`, [agg.logs()])]),
    )
    .withRow(new RowBuilder('CloudWatch Logs Insights (the same questions without OpenSearch)'))
    .withPanel(table('Errors by error name and route', cw, [insightsQuery(INSIGHTS.errorsByNameAndRoute)]))
    .withPanel(table('Top failing functions', cw, [insightsQuery(INSIGHTS.topFailingFunctions)]))
    .withPanel(table('Slowest requests', cw, [insightsQuery(INSIGHTS.slowestRequests)], { span: 24 }));
}
