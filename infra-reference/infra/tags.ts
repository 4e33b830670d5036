// The Resource Tagging Schema of the reference, applied from one place. `baseTags` go to the AWS provider's
// default tags (every taggable resource gets them from AWS itself) and, with the component's functional tags, to
// every taggable resource created under a component scope (infra/scope.ts) by one Pulumi transformation. No
// resource is tagged by hand. Pure: unit-tested directly.

export const REQUIRED_TAG_KEYS = [
  'Project',
  'Environment',
  'ManagedBy',
  'CostCenter',
  'Owner',
  'Component',
  'Function',
] as const;

export type ComponentName =
  | 'Umami'
  | 'OpenReplay'
  | 'Grafana'
  | 'CloudWatch'
  | 'Infrastructure'
  | 'Application';
export type FunctionName =
  | 'SessionReplay'
  | 'Analytics'
  | 'Metrics'
  | 'Logging'
  | 'Visualization'
  | 'Storage'
  | 'Compute'
  | 'Networking';
export type DataTypeName = 'Metrics' | 'Logs' | 'Sessions' | 'Analytics';

export interface FunctionalTags {
  Component: ComponentName;
  Function: FunctionName;
  /** Storage resources only (S3, Aurora). */
  DataType?: DataTypeName;
  /** Managed services only. */
  Tier?: 'Free' | 'Essential' | 'Standard' | 'Premium';
}

/** The five tags every resource carries. */
export function baseTags(stage: string, owner: string): Record<string, string> {
  return {
    Project: 'UserMetrics',
    Environment: stage,
    ManagedBy: 'SST',
    CostCenter: 'Observability',
    Owner: owner,
  };
}

/** The functional tags of each part of the stack (the reference's `componentTags`, plus storage and logging). */
export const COMPONENT_TAGS = {
  network: { Component: 'Infrastructure', Function: 'Networking' },
  ingestionWebVitals: { Component: 'CloudWatch', Function: 'Metrics' },
  ingestionErrors: { Component: 'CloudWatch', Function: 'Logging' },
  ingestionApi: { Component: 'CloudWatch', Function: 'Metrics' },
  replayStorage: { Component: 'OpenReplay', Function: 'SessionReplay', DataType: 'Sessions' },
  sourcemaps: { Component: 'CloudWatch', Function: 'Storage', DataType: 'Logs' },
  logExport: { Component: 'CloudWatch', Function: 'Logging', DataType: 'Logs' },
  logForwarding: { Component: 'CloudWatch', Function: 'Logging' },
  umami: { Component: 'Umami', Function: 'Analytics', Tier: 'Standard' },
  openreplay: { Component: 'OpenReplay', Function: 'SessionReplay' },
  grafana: { Component: 'Grafana', Function: 'Visualization', Tier: 'Essential' },
  alarms: { Component: 'CloudWatch', Function: 'Metrics' },
  cost: { Component: 'Infrastructure', Function: 'Compute' },
} as const satisfies Record<string, FunctionalTags>;

/**
 * Pulumi types (AWS provider 7) this app creates whose arguments take `tags`. The synth test cross-checks this list
 * against the provider's own type definitions, so a taggable resource added later cannot slip through untagged.
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'aws:apigatewayv2/api:Api',
  'aws:apigatewayv2/stage:Stage',
  'aws:appautoscaling/target:Target',
  'aws:budgets/budget:Budget',
  'aws:cloudfront/distribution:Distribution',
  'aws:cloudwatch/logGroup:LogGroup',
  'aws:cloudwatch/metricAlarm:MetricAlarm',
  'aws:ec2/eip:Eip',
  'aws:efs/accessPoint:AccessPoint',
  'aws:efs/fileSystem:FileSystem',
  'aws:s3/bucketObjectv2:BucketObjectv2',
  'aws:ec2/internetGateway:InternetGateway',
  'aws:ec2/natGateway:NatGateway',
  'aws:ec2/routeTable:RouteTable',
  'aws:ec2/securityGroup:SecurityGroup',
  'aws:ec2/subnet:Subnet',
  'aws:ec2/vpc:Vpc',
  'aws:ecs/cluster:Cluster',
  'aws:ecs/service:Service',
  'aws:ecs/taskDefinition:TaskDefinition',
  'aws:grafana/workspace:Workspace',
  'aws:iam/policy:Policy',
  'aws:iam/role:Role',
  'aws:lambda/function:Function',
  'aws:lb/listener:Listener',
  'aws:lb/listenerRule:ListenerRule',
  'aws:lb/loadBalancer:LoadBalancer',
  'aws:lb/targetGroup:TargetGroup',
  'aws:s3/bucket:Bucket',
  'aws:secretsmanager/secret:Secret',
  'aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace',
  'aws:servicediscovery/service:Service',
  'aws:sns/topic:Topic',
  'aws:sqs/queue:Queue',
  'aws:wafv2/webAcl:WebAcl',
  'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream',
  'aws:cloudwatch/eventRule:EventRule',
  'aws:scheduler/schedule:Schedule',
  // CloudFormation propagates stack tags to the rotation Lambda and its role, so cost allocation sees them.
  'aws:serverlessrepository/cloudFormationStack:CloudFormationStack',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
]);

/** The part of Pulumi's ResourceTransformationArgs this module needs (kept structural: no Pulumi import). */
export interface TransformationArgs {
  type: string;
  name: string;
  props: Record<string, unknown>;
  opts: unknown;
}

/**
 * A Pulumi resource transformation adding `tags` to every taggable resource under the scope it is attached to.
 * Tags already on the resource (or set by an inner scope) win, so the innermost scope decides.
 */
export function tagTransformation(tags: Record<string, string>) {
  return (args: TransformationArgs): { props: Record<string, unknown>; opts: unknown } | undefined => {
    if (!TAGGABLE_TYPES.has(args.type)) return undefined;
    const existing = (args.props.tags ?? {}) as Record<string, unknown>;
    return { props: { ...args.props, tags: mergeTags(tags, existing) }, opts: args.opts };
  };
}

function mergeTags(outer: Record<string, string>, inner: unknown): unknown {
  // `inner` can be an Output when a component computes its tags; Pulumi resolves nested Outputs in props.
  if (inner && typeof inner === 'object' && !('apply' in inner))
    return { ...outer, ...(inner as Record<string, string>) };
  if (inner && typeof inner === 'object')
    return (inner as { apply: (f: (v: unknown) => unknown) => unknown }).apply((v) => ({
      ...outer,
      ...((v as object) ?? {}),
    }));
  return { ...outer };
}

/** The tags a resource ends up with in AWS: the provider's default tags overlaid by its own. */
export function effectiveTags(
  providerDefaults: Record<string, string>,
  own: Record<string, string> | undefined,
) {
  return { ...providerDefaults, ...(own ?? {}) };
}
