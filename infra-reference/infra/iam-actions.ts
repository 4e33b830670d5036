// IAM action lists shared by the components and the least-privilege test (pure).

/** Read-only CloudWatch / Logs Insights APIs the Grafana data sources call; none takes a resource ARN. */
export const CLOUDWATCH_READ_ACTIONS = [
  'cloudwatch:DescribeAlarmsForMetric',
  'cloudwatch:DescribeAlarmHistory',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:ListMetrics',
  'cloudwatch:GetMetricData',
  'cloudwatch:GetInsightRuleReport',
  'logs:DescribeLogGroups',
  'logs:GetLogGroupFields',
  'logs:StartQuery',
  'logs:StopQuery',
  'logs:GetQueryResults',
  'logs:GetLogEvents',
  'ec2:DescribeRegions',
  'tag:GetResources',
];
