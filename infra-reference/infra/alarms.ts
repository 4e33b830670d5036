// Alarms to one SNS topic (e-mail from config): ingestion Lambda error rate (metric math) and p95 Duration, any
// error of the Umami redeploy Lambda, frontend LCP p75 for this environment, unhealthy Umami/OpenReplay targets,
// Aurora CPU and connections.
import { connectionsThreshold, errorRateQueries } from './alarm-math';
import { type Ctx, scope } from './scope';
import { COMPONENT_TAGS } from './tags';

interface AlarmDeps {
  functions: { label: string; fn: sst.aws.Function }[];
  /** Functions that run rarely and must not fail at all (one error alarms): the Umami redeploy. */
  mustSucceed?: { label: string; fn: sst.aws.Function }[];
  services: { label: string; service: sst.aws.Service; targetGroups: string[] }[];
}

export function createAlarms(ctx: Ctx, deps: AlarmDeps) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'Alarms', COMPONENT_TAGS.alarms);
  const topic = new aws.sns.Topic('AlarmTopic', {}, { parent });
  new aws.sns.TopicSubscription(
    'AlarmEmail',
    { topic: topic.arn, protocol: 'email', endpoint: cfg.alarmEmail },
    { parent },
  );
  const actions = { alarmActions: [topic.arn], okActions: [topic.arn] };

  for (const { label, fn } of deps.functions) {
    new aws.cloudwatch.MetricAlarm(
      `${label}ErrorRateAlarm`,
      {
        alarmDescription: `${label}: Lambda error rate above ${cfg.alarms.errorRatePercent} %`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: cfg.alarms.errorRatePercent,
        evaluationPeriods: 1,
        treatMissingData: 'notBreaching',
        metricQueries: fn.name.apply((name) => errorRateQueries(name)),
        ...actions,
      },
      { parent },
    );
    new aws.cloudwatch.MetricAlarm(
      `${label}DurationP95Alarm`,
      {
        alarmDescription: `${label}: p95 Duration above ${cfg.alarms.p95DurationMs} ms`,
        namespace: 'AWS/Lambda',
        metricName: 'Duration',
        dimensions: { FunctionName: fn.name },
        extendedStatistic: 'p95',
        period: 300,
        evaluationPeriods: 3,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: cfg.alarms.p95DurationMs,
        treatMissingData: 'notBreaching',
        ...actions,
      },
      { parent },
    );
  }

  for (const { label, fn } of deps.mustSucceed ?? []) {
    new aws.cloudwatch.MetricAlarm(
      `${label}ErrorsAlarm`,
      {
        alarmDescription: `${label}: the Lambda failed (after Lambda's own retries of the event)`,
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: fn.name },
        statistic: 'Sum',
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
        treatMissingData: 'notBreaching',
        ...actions,
      },
      { parent },
    );
  }

  new aws.cloudwatch.MetricAlarm(
    'LcpP75Alarm',
    {
      alarmDescription: `Frontend LCP p75 above ${cfg.alarms.lcpP75Ms} ms (environment ${cfg.stage})`,
      namespace: 'UserMetrics/Frontend',
      metricName: 'LargestContentfulPaint',
      dimensions: { environment: cfg.stage },
      extendedStatistic: 'p75',
      period: 3600,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: cfg.alarms.lcpP75Ms,
      treatMissingData: 'notBreaching',
      ...actions,
    },
    { parent },
  );

  for (const { label, service, targetGroups } of deps.services) {
    for (const tgName of targetGroups) {
      // Looked up after the service exists: SST does not expose its target groups.
      const tg = aws.lb.getTargetGroupOutput({ name: tgName }, { parent, dependsOn: [service] });
      new aws.cloudwatch.MetricAlarm(
        `${label}UnhealthyTargets-${tgName}`,
        {
          alarmDescription: `${label}: unhealthy targets in ${tgName}`,
          namespace: 'AWS/ApplicationELB',
          metricName: 'UnHealthyHostCount',
          dimensions: { LoadBalancer: service.nodes.loadBalancer.arnSuffix, TargetGroup: tg.arnSuffix },
          statistic: 'Maximum',
          period: 60,
          evaluationPeriods: 3,
          comparisonOperator: 'GreaterThanThreshold',
          threshold: 0,
          treatMissingData: 'breaching',
          ...actions,
        },
        { parent },
      );
    }
  }

  if (cfg.aurora) {
    const dimensions = { DBClusterIdentifier: cfg.aurora.clusterIdentifier };
    new aws.cloudwatch.MetricAlarm(
      'AuroraCpuAlarm',
      {
        alarmDescription: `Aurora ${cfg.aurora.clusterIdentifier}: CPU above ${cfg.alarms.auroraCpuPercent} %`,
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensions,
        statistic: 'Average',
        period: 300,
        evaluationPeriods: 3,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: cfg.alarms.auroraCpuPercent,
        ...actions,
      },
      { parent },
    );
    new aws.cloudwatch.MetricAlarm(
      'AuroraConnectionsAlarm',
      {
        alarmDescription: `Aurora ${cfg.aurora.clusterIdentifier}: connections above ${cfg.alarms.auroraConnectionsPercent} % of ${cfg.alarms.auroraMaxConnections}`,
        namespace: 'AWS/RDS',
        metricName: 'DatabaseConnections',
        dimensions,
        statistic: 'Maximum',
        period: 300,
        evaluationPeriods: 2,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: connectionsThreshold(cfg.alarms.auroraMaxConnections, cfg.alarms.auroraConnectionsPercent),
        ...actions,
      },
      { parent },
    );
  }
  return { topic };
}

export function createBudget(ctx: Ctx, topic: aws.sns.Topic) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'Cost', COMPONENT_TAGS.cost);
  return new aws.budgets.Budget(
    'Budget',
    {
      budgetType: 'COST',
      limitAmount: String(cfg.budget.monthlyUsd),
      limitUnit: 'USD',
      timeUnit: 'MONTHLY',
      // Cost allocation tag `Project` must be activated in Billing (README); budgets see it as user:Project.
      costFilters: [{ name: 'TagKeyValue', values: ['user:Project$UserMetrics'] }],
      notifications: cfg.budget.thresholdsPercent.map((threshold) => ({
        comparisonOperator: 'GREATER_THAN',
        notificationType: 'ACTUAL',
        threshold,
        thresholdType: 'PERCENTAGE',
        subscriberEmailAddresses: [cfg.alarmEmail],
        subscriberSnsTopicArns: [topic.arn],
      })),
    },
    { parent },
  );
}
