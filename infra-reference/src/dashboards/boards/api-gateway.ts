import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { board } from '../board';
import { dim, metricQuery } from '../catalog-query';
import { datasourceRef, datasourceVariable } from '../datasources';
import { stat, timeseries } from '../panels';
import { dimensionVariable } from '../variables';

const cw = datasourceRef('cloudwatch');
const NS = 'AWS/ApiGateway';
const API = { ApiId: '$apiId', Stage: '$stage' };

/** The ingestion HTTP API (API Gateway v2): requests, client and server errors, latency. */
export function apiGatewayDashboard(): DashboardBuilder {
  const q = (metric: string, statistic: string, label: string) =>
    metricQuery(NS, metric, API, statistic, { label: `${dim('ApiId')} ${label}` });
  return board(
    'usermetrics-api-gateway',
    'usermetrics · API Gateway',
    'The ingestion HTTP API (POST /metrics/web-vitals, POST /errors/report): AWS/ApiGateway metrics per API and stage. Per-route latency needs detailed route metrics enabled on the stage.',
    ['api-gateway'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(
      dimensionVariable('apiId', {
        label: 'API',
        namespace: NS,
        metricName: 'Count',
        dimensionKey: 'ApiId',
        multi: true,
      }),
    )
    .withVariable(
      dimensionVariable('stage', {
        label: 'Stage',
        namespace: NS,
        metricName: 'Count',
        dimensionKey: 'Stage',
        filters: { ApiId: '$apiId' },
      }),
    )
    .withPanel(stat('Requests', 'short', cw, [q('Count', 'Sum', 'requests')], { calc: 'sum' }))
    .withPanel(
      stat('4xx', 'short', cw, [q('4xx', 'Sum', '4xx')], {
        calc: 'sum',
        steps: [
          ['green', null],
          ['orange', 1],
        ],
      }),
    )
    .withPanel(
      stat('5xx', 'short', cw, [q('5xx', 'Sum', '5xx')], {
        calc: 'sum',
        steps: [
          ['green', null],
          ['red', 1],
        ],
      }),
    )
    .withPanel(
      stat('Latency p95', 'ms', cw, [q('Latency', 'p95', 'p95')], {
        steps: [
          ['green', null],
          ['orange', 500],
          ['red', 1000],
        ],
      }),
    )
    .withPanel(timeseries('Requests', 'short', cw, [q('Count', 'Sum', 'requests')]))
    .withPanel(
      timeseries('4xx and 5xx', 'short', cw, [q('4xx', 'Sum', '4xx'), q('5xx', 'Sum', '5xx')], {
        bars: true,
        description:
          '4xx are client mistakes the handlers answer with a JSON reason (400/403/413/415/429); 5xx should stay at zero.',
      }),
    )
    .withPanel(
      timeseries(
        'Error rates',
        'percentunit',
        cw,
        [q('4xx', 'Average', '4xx rate'), q('5xx', 'Average', '5xx rate')],
        {
          description: 'The Average of 4xx/5xx is the share of requests that ended so.',
        },
      ),
    )
    .withPanel(
      timeseries('Latency and integration latency', 'ms', cw, [
        q('Latency', 'p50', 'latency p50'),
        q('Latency', 'p95', 'latency p95'),
        q('Latency', 'p99', 'latency p99'),
        q('IntegrationLatency', 'p95', 'integration p95'),
      ]),
    )
    .withPanel(
      timeseries(
        'Latency p95 by route',
        'ms',
        cw,
        [metricQuery(NS, 'Latency', { ...API, Route: '*' }, 'p95', { label: `${dim('Route')} p95` })],
        {
          span: 24,
          description: 'Needs detailedMetricsEnabled on the stage (route-level metrics cost extra).',
        },
      ),
    );
}
