import {
  LogGroupBuilder,
  LogsQueryBuilder,
  LogsQueryLanguage,
  QueryMode,
} from '@grafana/grafana-foundation-sdk/cloudwatch';
import {
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceRef } from './datasources';

/** The variable holding the log groups a Logs Insights panel reads (values are log group ARNs). */
export const LOG_GROUP_VARIABLE = 'logGroup';

/**
 * CloudWatch Logs Insights queries over the log record (DESIGN §4: level, message, functionName,
 * requestId, sessionId, traceId, context, error.name/message/stack) and Lambda's REPORT lines
 * (`@type = "REPORT"`, `@duration`, `@initDuration`, `@maxMemoryUsed`). Records are told apart from EMF
 * lines and other output by carrying both `level` and `message`.
 */
export const INSIGHTS = {
  volumeByLevel:
    'filter ispresent(level) and ispresent(message)\n| stats count(*) as lines by level, bin(5m)',
  errorsByName:
    'filter level = "ERROR"\n| stats count(*) as errors by error.name\n| sort errors desc\n| limit 20',
  errorsByNameAndRoute:
    'filter level = "ERROR"\n| stats count(*) as errors, count_distinct(sessionId) as sessions by error.name, context.route\n| sort errors desc\n| limit 50',
  topFailingFunctions:
    'filter level = "ERROR"\n| stats count(*) as errors, count_distinct(requestId) as requests by functionName\n| sort errors desc\n| limit 20',
  recentErrors:
    'fields @timestamp, level, functionName, error.name, error.message, message, requestId, sessionId, traceId, context.errorId\n| filter level in ["ERROR", "WARN"]\n| sort @timestamp desc\n| limit 200',
  slowestRequests:
    'filter @type = "REPORT"\n| fields @timestamp, @log, @requestId, @duration, @initDuration, @maxMemoryUsed / 1000 / 1000 as maxMemoryMB\n| sort @duration desc\n| limit 25',
  durationByFunction:
    'filter @type = "REPORT"\n| stats pct(@duration, 50) as p50, pct(@duration, 95) as p95, pct(@duration, 99) as p99, count(@initDuration) as coldStarts by bin(5m)',
  findById:
    'fields @timestamp, level, functionName, message, error.name, error.message, requestId, sessionId, traceId\n| filter sessionId = "$id" or requestId = "$id" or traceId = "$id" or context.errorId = "$id"\n| sort @timestamp asc\n| limit 500',
} as const;

/** A Logs Insights query over the log groups of {@link LOG_GROUP_VARIABLE}. */
export function insightsQuery(expression: string): LogsQueryBuilder {
  return new LogsQueryBuilder()
    .datasource(datasourceRef('cloudwatch'))
    .queryMode(QueryMode.Logs)
    .queryLanguage(LogsQueryLanguage.CWLI)
    .id('')
    .region('default')
    .logGroups([new LogGroupBuilder().arn(`$${LOG_GROUP_VARIABLE}`).name(`$${LOG_GROUP_VARIABLE}`)])
    .expression(expression)
    .refId('A');
}

/**
 * The log-group picker: Lambda log groups (values are ARNs, which Logs Insights panels expand when
 * several are chosen). Logs Insights bills by data scanned, so nothing is preselected beyond Grafana's first.
 */
export function logGroupVariable(prefix = '/aws/lambda/'): QueryVariableBuilder {
  return new QueryVariableBuilder(LOG_GROUP_VARIABLE)
    .label('Log groups')
    .datasource(datasourceRef('cloudwatch'))
    .query({ refId: 'LogGroups', queryType: 'logGroups', region: 'default', logGroupPrefix: prefix })
    .refresh(VariableRefresh.OnDashboardLoad)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true);
}
