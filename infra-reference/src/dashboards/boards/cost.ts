import {
  DataqueryBuilder as AthenaQuery,
  ConnectionArgsBuilder,
  FormatOptions,
} from '@grafana/grafana-foundation-sdk/athena';
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { board } from '../board';
import { dim, metricQuery } from '../catalog-query';
import { datasourceRef, datasourceVariable } from '../datasources';
import { stat, table, timeseries } from '../panels';
import { constantVariable } from '../variables';

const cw = datasourceRef('cloudwatch');
const athena = datasourceRef('athena');

/** Keys of the cost allocation tags in a CUR 2.0 export's `resource_tags` map (`user_` + the tag key, lowercased). */
export const CUR_TAG_KEYS = { project: 'user_project', component: 'user_component' } as const;

/** Options of {@link costDashboard}. */
export interface CostDashboardOptions {
  /** The AWS Budget's monthly limit in USD, drawn as the line the month-to-date charges must stay under. */
  monthlyBudgetUsd: number;
}

function curQuery(sql: string, format: FormatOptions): AthenaQuery {
  return new AthenaQuery()
    .datasource(athena)
    .format(format)
    .connectionArgs(
      new ConnectionArgsBuilder().region('__default').catalog('__default').database('$curDatabase'),
    )
    .rawSQL(sql);
}

const FROM_PROJECT = `FROM "$curDatabase"."$curTable"\nWHERE resource_tags['${CUR_TAG_KEYS.project}'] = 'UserMetrics'`;
const COMPONENT = `coalesce(resource_tags['${CUR_TAG_KEYS.component}'], '(untagged)')`;

/**
 * Cost. Two sources, because Grafana's CloudWatch data source sees no cost per tag:
 * - budget vs actual from CloudWatch `AWS/Billing` `EstimatedCharges` (us-east-1, month-to-date, whole
 *   account, per service; needs "Receive Billing Alerts" turned on) against the monthly budget line;
 * - cost by Component tag from a Cost and Usage Report 2.0 export queried with Athena (an Athena data
 *   source, `$curDatabase`/`$curTable`, and the Project and Component cost allocation tags activated).
 *   Cost Explorer has no Grafana data source, so CUR + Athena is the way to tag-level cost.
 */
export function costDashboard({ monthlyBudgetUsd }: CostDashboardOptions): DashboardBuilder {
  const budget: [string, number | null][] = [
    ['green', null],
    ['orange', monthlyBudgetUsd * 0.8],
    ['red', monthlyBudgetUsd],
  ];
  const billing = (dimensions: Record<string, string>, label: string) =>
    metricQuery('AWS/Billing', 'EstimatedCharges', { ...dimensions, Currency: 'USD' }, 'Maximum', {
      region: 'us-east-1',
      period: '21600',
      label,
    });
  return board(
    'usermetrics-cost',
    'usermetrics · Cost',
    `Month-to-date AWS charges against the $${monthlyBudgetUsd}/month budget (CloudWatch AWS/Billing), and cost by Component tag from a CUR 2.0 export via Athena.`,
    ['cost'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(datasourceVariable('athena'))
    .withVariable(constantVariable('curDatabase', 'cur'))
    .withVariable(constantVariable('curTable', 'cur2'))
    .withRow(new RowBuilder('Budget vs actual (CloudWatch AWS/Billing, whole account)'))
    .withPanel(
      stat('Month-to-date charges', 'currencyUSD', cw, [billing({}, 'total')], {
        span: 8,
        steps: budget,
        description: `Orange from 80 % and red from 100 % of the $${monthlyBudgetUsd} monthly budget, the thresholds of the AWS Budget alerts.`,
      }),
    )
    .withPanel(
      timeseries('Estimated charges vs budget', 'currencyUSD', cw, [billing({}, 'total')], {
        span: 16,
        steps: budget,
        thresholdLine: true,
      }),
    )
    .withPanel(
      timeseries(
        'Estimated charges by service',
        'currencyUSD',
        cw,
        [billing({ ServiceName: '*' }, dim('ServiceName'))],
        {
          span: 24,
        },
      ),
    )
    .withRow(new RowBuilder('Cost by Component tag (CUR 2.0 via Athena)'))
    .withPanel(
      timeseries(
        'Daily cost by Component',
        'currencyUSD',
        athena,
        [
          curQuery(
            `SELECT date_trunc('day', line_item_usage_start_date) AS time, ${COMPONENT} AS component, sum(line_item_unblended_cost) AS cost\n${FROM_PROJECT}\n  AND $__timeFilter(line_item_usage_start_date)\nGROUP BY 1, 2\nORDER BY 1`,
            FormatOptions.TimeSeries,
          ),
        ],
        { bars: true, stacked: true, span: 16 },
      ),
    )
    .withPanel(
      table(
        'This month by Component',
        athena,
        [
          curQuery(
            `SELECT ${COMPONENT} AS component, round(sum(line_item_unblended_cost), 2) AS cost_usd\n${FROM_PROJECT}\n  AND billing_period = date_format(current_date, '%Y-%m')\nGROUP BY 1\nORDER BY 2 DESC`,
            FormatOptions.Table,
          ),
        ],
        {
          span: 8,
          description:
            'CUR data lags by up to a day; untagged Project=UserMetrics resources show as (untagged).',
        },
      ),
    );
}
