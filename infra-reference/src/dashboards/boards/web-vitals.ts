import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { NAMESPACES, WEB_VITAL_METRICS, WEB_VITAL_NAMES, type WebVitalName } from '@usermetrics/core';
import { board } from '../board';
import { catalogQuery, dim } from '../catalog-query';
import { datasourceRef, datasourceVariable } from '../datasources';
import { insightsQuery, logGroupVariable } from '../logs-insights';
import { pie, type Steps, stat, timeseries } from '../panels';
import { dimensionVariable } from '../variables';

const cw = datasourceRef('cloudwatch');

/** The web-vitals library's good / poor boundaries (https://web.dev/articles/vitals), unit of the catalog metric. */
const VITALS: Record<WebVitalName, { unit: string; good: number; poor: number }> = {
  LCP: { unit: 'ms', good: 2500, poor: 4000 },
  INP: { unit: 'ms', good: 200, poor: 500 },
  CLS: { unit: 'none', good: 0.1, poor: 0.25 },
  FCP: { unit: 'ms', good: 1800, poor: 3000 },
  TTFB: { unit: 'ms', good: 800, poor: 1800 },
};

function steps({ good, poor }: { good: number; poor: number }): Steps {
  return [
    ['green', null],
    ['orange', good],
    ['red', poor],
  ];
}

/**
 * Frontend Web Vitals (namespace UserMetrics/Frontend): p75 of the five vitals per environment and per route,
 * the good / needs-improvement / poor mix (from the `rating` property the ingestion handler writes into each
 * EMF document, read with Logs Insights), frontend errors and rejected items.
 */
export function webVitalsDashboard(): DashboardBuilder {
  const dash = board(
    'usermetrics-web-vitals',
    'usermetrics · Frontend Web Vitals',
    'p75 of LCP, INP, CLS, FCP and TTFB as the web-vitals library reports them, per environment and route (UserMetrics/Frontend), with rating mix, frontend errors and rejected items.',
    ['frontend', 'web-vitals'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(
      dimensionVariable('environment', {
        label: 'Environment',
        namespace: NAMESPACES.frontend,
        metricName: 'LargestContentfulPaint',
        dimensionKey: 'environment',
      }),
    )
    .withVariable(
      dimensionVariable('route', {
        label: 'Route',
        namespace: NAMESPACES.frontend,
        metricName: 'LargestContentfulPaint',
        dimensionKey: 'route',
        filters: { environment: '$environment' },
        multi: true,
      }),
    )
    .withVariable(logGroupVariable())
    .withRow(new RowBuilder('p75 for the environment'));

  for (const short of WEB_VITAL_NAMES) {
    const v = VITALS[short];
    dash.withPanel(
      stat(`${short} p75`, v.unit, cw, [catalogQuery(WEB_VITAL_METRICS[short], 0, 'p75')], {
        span: short === 'TTFB' ? 4 : 5,
        steps: steps(v),
      }),
    );
  }

  dash.withRow(new RowBuilder('p75 by route'));
  for (const short of WEB_VITAL_NAMES) {
    const v = VITALS[short];
    dash.withPanel(
      timeseries(
        `${short} p75 by route`,
        v.unit,
        cw,
        [catalogQuery(WEB_VITAL_METRICS[short], 1, 'p75', { label: dim('route') })],
        {
          steps: steps(v),
          span: short === 'TTFB' ? 24 : 12,
        },
      ),
    );
  }

  dash.withRow(new RowBuilder('Rating mix (Logs Insights over the web-vitals ingestion log group)'));
  for (const short of WEB_VITAL_NAMES) {
    const metric = WEB_VITAL_METRICS[short];
    dash.withPanel(
      pie(
        `${short} rating mix`,
        cw,
        [
          insightsQuery(
            `filter ispresent(${metric}) and ispresent(rating) and environment = "$environment"\n| stats count(*) as samples by rating`,
          ),
        ],
        {
          span: short === 'FCP' || short === 'TTFB' ? 12 : 8,
          description: `Share of ${short} samples the browser rated good / needs-improvement / poor; pick the web-vitals Lambda's log group above.`,
        },
      ),
    );
  }

  return dash
    .withRow(new RowBuilder('Frontend errors and rejected items'))
    .withPanel(
      timeseries(
        'Frontend errors',
        'short',
        cw,
        [
          catalogQuery('FrontendErrors', 0, 'Sum', { label: 'all' }),
          catalogQuery('FrontendErrors', 1, 'Sum', { label: dim('errorType') }),
        ],
        { bars: true },
      ),
    )
    .withPanel(
      timeseries(
        'Rejected web-vitals items by reason',
        'short',
        cw,
        [catalogQuery('MetricsRejected', 0, 'Sum', { label: dim('reason') })],
        {
          bars: true,
          stacked: true,
          description:
            'Items the ingestion handler refused, by the fixed reason codes; a rising line usually means an outdated client.',
        },
      ),
    );
}
