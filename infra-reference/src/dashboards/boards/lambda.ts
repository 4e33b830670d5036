import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { NAMESPACES } from '@usermetrics/core';
import { board } from '../board';
import { catalogQuery, dim, metricQuery } from '../catalog-query';
import { datasourceRef, datasourceVariable } from '../datasources';
import { stat, timeseries } from '../panels';
import { dimensionVariable } from '../variables';

const cw = datasourceRef('cloudwatch');
const BY_FUNCTION = dim('functionName');

/** Lambda performance from the wrapper's own metrics (namespace UserMetrics/Lambda) plus AWS/Lambda throttling. */
export function lambdaDashboard(): DashboardBuilder {
  return board(
    'usermetrics-lambda',
    'usermetrics · Lambda performance',
    'Invocations, errors, cold starts and durations that withUsermetrics emits as EMF (namespace UserMetrics/Lambda), per function, environment and route.',
    ['lambda'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(
      dimensionVariable('environment', {
        label: 'Environment',
        namespace: NAMESPACES.lambda,
        metricName: 'Invocations',
        dimensionKey: 'environment',
      }),
    )
    .withVariable(
      dimensionVariable('functionName', {
        label: 'Function',
        namespace: NAMESPACES.lambda,
        metricName: 'Invocations',
        dimensionKey: 'functionName',
        filters: { environment: '$environment' },
        multi: true,
      }),
    )
    .withVariable(
      dimensionVariable('route', {
        label: 'Route',
        namespace: NAMESPACES.lambda,
        metricName: 'Duration',
        dimensionKey: 'route',
        filters: { environment: '$environment' },
        multi: true,
      }),
    )
    .withRow(new RowBuilder('Traffic and errors'))
    .withPanel(stat('Invocations', 'short', cw, [catalogQuery('Invocations', 0, 'Sum')], { calc: 'sum' }))
    .withPanel(
      stat('Errors', 'short', cw, [catalogQuery('Errors', 0, 'Sum')], {
        calc: 'sum',
        steps: [
          ['green', null],
          ['red', 1],
        ],
      }),
    )
    .withPanel(stat('Cold starts', 'short', cw, [catalogQuery('ColdStart', 0, 'Sum')], { calc: 'sum' }))
    .withPanel(
      stat('Timeout warnings', 'short', cw, [catalogQuery('TimeoutWarning', 0, 'Sum')], {
        calc: 'sum',
        steps: [
          ['green', null],
          ['orange', 1],
        ],
      }),
    )
    .withPanel(
      timeseries('Invocations per function', 'short', cw, [
        catalogQuery('Invocations', 0, 'Sum', { label: BY_FUNCTION }),
      ]),
    )
    .withPanel(
      timeseries(
        'Errors by errorType',
        'short',
        cw,
        [catalogQuery('Errors', 1, 'Sum', { label: `${BY_FUNCTION} ${dim('errorType')}` })],
        {
          bars: true,
          stacked: true,
          description: 'errorType is bounded to the standard JS error names plus Other (DESIGN §3).',
        },
      ),
    )
    .withPanel(
      timeseries(
        'Timeout warnings',
        'short',
        cw,
        [catalogQuery('TimeoutWarning', 0, 'Sum', { label: BY_FUNCTION })],
        {
          bars: true,
          description: 'Invocations that came within the configured margin of their timeout.',
        },
      ),
    )
    .withPanel(
      timeseries(
        'Throttles and concurrency (AWS/Lambda)',
        'short',
        cw,
        [
          metricQuery('AWS/Lambda', 'Throttles', { FunctionName: '$functionName' }, 'Sum', {
            label: `${dim('FunctionName')} throttles`,
          }),
          metricQuery('AWS/Lambda', 'ConcurrentExecutions', { FunctionName: '$functionName' }, 'Maximum', {
            label: `${dim('FunctionName')} concurrency`,
          }),
        ],
        { description: "Lambda's own metrics; the function dimension there is FunctionName." },
      ),
    )
    .withRow(new RowBuilder('Cold starts'))
    .withPanel(
      timeseries('Cold starts', 'short', cw, [catalogQuery('ColdStart', 0, 'Sum', { label: BY_FUNCTION })], {
        bars: true,
      }),
    )
    .withPanel(
      timeseries(
        'Cold-start ratio',
        'percentunit',
        cw,
        [catalogQuery('ColdStart', 0, 'Average', { label: BY_FUNCTION })],
        {
          description:
            'ColdStart is 1 on a cold invocation and 0 on a warm one, so its average is the share of cold starts.',
        },
      ),
    )
    .withPanel(
      timeseries(
        'Init duration',
        'ms',
        cw,
        [
          catalogQuery('InitDuration', 0, 'p50', { label: `${BY_FUNCTION} p50` }),
          catalogQuery('InitDuration', 0, 'p95', { label: `${BY_FUNCTION} p95` }),
          catalogQuery('InitDuration', 0, 'Maximum', { label: `${BY_FUNCTION} max` }),
        ],
        { span: 24 },
      ),
    )
    .withRow(new RowBuilder('Duration'))
    .withPanel(
      timeseries(
        'Duration p50 / p95 / p99 per function',
        'ms',
        cw,
        ['p50', 'p95', 'p99'].map((p) => catalogQuery('Duration', 0, p, { label: `${BY_FUNCTION} ${p}` })),
        { span: 24 },
      ),
    )
    .withPanel(
      timeseries(
        'Duration p50 / p95 / p99 by route',
        'ms',
        cw,
        ['p50', 'p95', 'p99'].map((p) =>
          catalogQuery('Duration', 1, p, { label: `${BY_FUNCTION} ${dim('route')} ${p}` }),
        ),
        {
          span: 24,
          description:
            'Only invocations with a known API route pattern; unknown paths are the route "other".',
        },
      ),
    );
}
