import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { board } from '../board';
import { dim, metricQuery } from '../catalog-query';
import { datasourceRef, datasourceVariable } from '../datasources';
import { timeseries } from '../panels';
import { dimensionVariable } from '../variables';

const cw = datasourceRef('cloudwatch');
const ECS = { ClusterName: '$cluster', ServiceName: '$service' };
const ALB = { LoadBalancer: '$loadBalancer' };
const TARGETS = { LoadBalancer: '$loadBalancer', TargetGroup: '$targetGroup' };
const AURORA = { DBClusterIdentifier: '$dbCluster' };

/** Average and peak of an ECS service metric in percent, with the 80 % line. */
function ecsUtilization(title: string, metric: string) {
  return timeseries(
    title,
    'percent',
    cw,
    [
      metricQuery('AWS/ECS', metric, ECS, 'Average', { label: `${dim('ServiceName')} avg` }),
      metricQuery('AWS/ECS', metric, ECS, 'Maximum', { label: `${dim('ServiceName')} max` }),
    ],
    {
      steps: [
        ['green', null],
        ['red', 80],
      ],
      thresholdLine: true,
    },
  );
}

/** Health of the self-hosted tools (Umami, OpenReplay on ECS Fargate behind ALBs) and the shared Aurora cluster. */
export function infrastructureDashboard(): DashboardBuilder {
  return board(
    'usermetrics-infrastructure',
    'usermetrics · Infrastructure health',
    'ECS services (Umami, OpenReplay), their load balancers and target health, and the Aurora cluster Umami shares with the application.',
    ['infrastructure', 'ecs', 'alb', 'aurora'],
  )
    .withVariable(datasourceVariable('cloudwatch'))
    .withVariable(
      dimensionVariable('cluster', {
        label: 'ECS cluster',
        namespace: 'AWS/ECS',
        metricName: 'CPUUtilization',
        dimensionKey: 'ClusterName',
      }),
    )
    .withVariable(
      dimensionVariable('service', {
        label: 'ECS service',
        namespace: 'AWS/ECS',
        metricName: 'CPUUtilization',
        dimensionKey: 'ServiceName',
        filters: { ClusterName: '$cluster' },
        multi: true,
      }),
    )
    .withVariable(
      dimensionVariable('loadBalancer', {
        label: 'Load balancer',
        namespace: 'AWS/ApplicationELB',
        metricName: 'RequestCount',
        dimensionKey: 'LoadBalancer',
        multi: true,
      }),
    )
    .withVariable(
      dimensionVariable('targetGroup', {
        label: 'Target group',
        namespace: 'AWS/ApplicationELB',
        metricName: 'HealthyHostCount',
        dimensionKey: 'TargetGroup',
        filters: { LoadBalancer: '$loadBalancer' },
        multi: true,
      }),
    )
    .withVariable(
      dimensionVariable('dbCluster', {
        label: 'Aurora cluster',
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensionKey: 'DBClusterIdentifier',
      }),
    )
    .withRow(new RowBuilder('ECS services'))
    .withPanel(ecsUtilization('CPU utilization', 'CPUUtilization'))
    .withPanel(ecsUtilization('Memory utilization', 'MemoryUtilization'))
    .withRow(new RowBuilder('Load balancers'))
    .withPanel(
      timeseries('Requests and 5xx', 'short', cw, [
        metricQuery('AWS/ApplicationELB', 'RequestCount', ALB, 'Sum', {
          label: `${dim('LoadBalancer')} requests`,
        }),
        metricQuery('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', ALB, 'Sum', {
          label: `${dim('LoadBalancer')} target 5xx`,
        }),
        metricQuery('AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', ALB, 'Sum', {
          label: `${dim('LoadBalancer')} ALB 5xx`,
        }),
      ]),
    )
    .withPanel(
      timeseries('Target response time p95', 's', cw, [
        metricQuery('AWS/ApplicationELB', 'TargetResponseTime', ALB, 'p95', { label: dim('LoadBalancer') }),
      ]),
    )
    .withPanel(
      timeseries(
        'Healthy and unhealthy targets',
        'short',
        cw,
        [
          metricQuery('AWS/ApplicationELB', 'HealthyHostCount', TARGETS, 'Minimum', {
            label: `${dim('TargetGroup')} healthy`,
          }),
          metricQuery('AWS/ApplicationELB', 'UnHealthyHostCount', TARGETS, 'Maximum', {
            label: `${dim('TargetGroup')} unhealthy`,
          }),
        ],
        { span: 24, description: 'The alarms fire on any unhealthy Umami or OpenReplay target.' },
      ),
    )
    .withRow(new RowBuilder('Aurora'))
    .withPanel(
      timeseries(
        'CPU utilization',
        'percent',
        cw,
        [metricQuery('AWS/RDS', 'CPUUtilization', AURORA, 'Average', { label: dim('DBClusterIdentifier') })],
        {
          span: 8,
          steps: [
            ['green', null],
            ['red', 70],
          ],
          thresholdLine: true,
          description: 'The alarm threshold is 70 %.',
        },
      ),
    )
    .withPanel(
      timeseries(
        'Database connections',
        'short',
        cw,
        [
          metricQuery('AWS/RDS', 'DatabaseConnections', AURORA, 'Maximum', {
            label: dim('DBClusterIdentifier'),
          }),
        ],
        {
          span: 8,
          description:
            'Umami adds its own pool to the application’s connections; the alarm fires at 80 % of max_connections.',
        },
      ),
    )
    .withPanel(
      timeseries(
        'Freeable memory',
        'bytes',
        cw,
        [metricQuery('AWS/RDS', 'FreeableMemory', AURORA, 'Minimum', { label: dim('DBClusterIdentifier') })],
        {
          span: 8,
        },
      ),
    );
}
