// Umami's redeploy after a rotation of its database secret (README, "Secret rotation and Umami"): an EventBridge
// rule on Secrets Manager's native event → handlers/umami-redeploy.ts → ecs:UpdateService on the Umami service.
import { ENV as REDEPLOY_ENV } from '../handlers/umami-redeploy-env';
import { retentionKey } from './config';
import { lambdaOnlyTrust } from './ingestion';
import type { Ctx } from './scope';

/**
 * After every move of AWSCURRENT on Umami's database secret (a rotation's last step, or the operator's first
 * `put-secret-value`), a new deployment of the Umami service, so its tasks start with the new password (ECS reads
 * secrets only at task start). Secrets Manager's native EventBridge event "Secret Label Updated" (source
 * `aws.secretsmanager`, `resources` = the secret's ARN, `detail.labelUpdated`), no CloudTrail trail needed →
 * handlers/umami-redeploy.ts, allowed `ecs:UpdateService` on this one service. Its errors alarm (infra/alarms.ts).
 */
export function createUmamiRedeploy(
  ctx: Ctx,
  deps: {
    cluster: sst.aws.Cluster;
    service: sst.aws.Service;
    dbSecret: aws.secretsmanager.Secret;
    parent: $util.Resource;
  },
) {
  const { cfg } = ctx;
  const { parent } = deps;
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const clusterName = deps.cluster.nodes.cluster.name;
  const serviceName = deps.service.nodes.service.name;
  const serviceArn = $interpolate`arn:aws:ecs:${cfg.region}:${account}:service/${clusterName}/${serviceName}`;
  const retention = retentionKey(cfg.logRetentionDays) as '1 week';
  const fn = new sst.aws.Function(
    'UmamiRedeploy',
    {
      handler: 'handlers/umami-redeploy.handler',
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      memory: '256 MB',
      timeout: '30 seconds',
      logging: { retention, format: 'text' },
      environment: {
        // The ARN (UpdateService takes either): a name with SST's random suffix looks like a credential to the
        // synth's environment check, an ARN does not.
        [REDEPLOY_ENV.cluster]: deps.cluster.nodes.cluster.arn,
        [REDEPLOY_ENV.service]: serviceName,
        [REDEPLOY_ENV.secretArn]: deps.dbSecret.arn,
      },
      permissions: [{ actions: ['ecs:UpdateService'], resources: [serviceArn] }],
      transform: { role: lambdaOnlyTrust },
      tags: { Resource: 'Lambda' },
    },
    { parent },
  );
  const rule = new aws.cloudwatch.EventRule(
    'UmamiSecretRotated',
    {
      description: 'usermetrics: AWSCURRENT moved on the Umami database secret → redeploy Umami',
      eventPattern: $jsonStringify(umamiSecretRotatedPattern(deps.dbSecret.arn)),
    },
    { parent },
  );
  new aws.cloudwatch.EventTarget('UmamiSecretRotatedTarget', { rule: rule.name, arn: fn.arn }, { parent });
  new aws.lambda.Permission(
    'UmamiRedeployInvoke',
    {
      action: 'lambda:InvokeFunction',
      function: fn.name,
      principal: 'events.amazonaws.com',
      sourceArn: rule.arn,
    },
    { parent },
  );
  return { fn, rule, serviceArn };
}

/** The EventBridge pattern of the redeploy rule (exported for the synth test). */
export function umamiSecretRotatedPattern(secretArn: $util.Input<string>) {
  return {
    source: ['aws.secretsmanager'],
    'detail-type': ['Secret Label Updated'],
    resources: [secretArn],
    detail: { labelUpdated: ['AWSCURRENT'] },
  };
}
