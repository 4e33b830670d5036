// Restarts Umami's tasks when its database secret gets a new current version. ECS hands secrets to a container only
// when the task starts, and the single-user rotation changes the password in PostgreSQL at once, so the running
// tasks hold a password that no longer opens new connections. infra/services.ts sends Secrets Manager's native
// EventBridge event "Secret Label Updated" (AWSCURRENT moved) for that one secret here; this function asks ECS for
// a new deployment of the Umami service, whose new tasks read the new value.
//
// Errors are not caught: EventBridge invokes Lambda asynchronously, so a throw makes Lambda retry the event (twice)
// and counts in the function's Errors metric, which the UmamiRedeployErrorsAlarm watches.
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { ENV } from './umami-redeploy-env';

/** The part of Secrets Manager's "Secret Label Updated" event this function reads. */
export interface SecretLabelUpdatedEvent {
  source?: string;
  'detail-type'?: string;
  resources?: string[];
  detail?: { name?: string; labelUpdated?: string; versionId?: string };
}

export interface RedeployTarget {
  /** Cluster name or ARN. */
  cluster: string;
  /** Service name or ARN. */
  service: string;
  /** ARN of the secret whose AWSCURRENT moves trigger the redeploy. */
  secretArn: string;
}

/** What `UpdateService` needs from an ECS client (a real `ECSClient` in Lambda, a stand-in in tests). */
export interface EcsSender {
  send(command: UpdateServiceCommand): Promise<unknown>;
}

export type RedeployResult =
  | { redeployed: true; cluster: string; service: string; versionId?: string }
  | { redeployed: false; reason: string };

export { ENV };

/** Why an event is not for this function, or `undefined` when it is. */
export function skipReason(event: SecretLabelUpdatedEvent, secretArn: string): string | undefined {
  if (event.source !== 'aws.secretsmanager' || event['detail-type'] !== 'Secret Label Updated')
    return `not a Secret Label Updated event (${event.source} / ${event['detail-type']})`;
  if (event.detail?.labelUpdated !== 'AWSCURRENT')
    return `label ${event.detail?.labelUpdated} moved, not AWSCURRENT`;
  if (!(event.resources ?? []).includes(secretArn)) return 'another secret';
  return undefined;
}

export async function redeploy(
  event: SecretLabelUpdatedEvent,
  target: RedeployTarget,
  ecs: EcsSender,
): Promise<RedeployResult> {
  const reason = skipReason(event, target.secretArn);
  if (reason) return { redeployed: false, reason };
  await ecs.send(
    new UpdateServiceCommand({
      cluster: target.cluster,
      service: target.service,
      forceNewDeployment: true,
    }),
  );
  return {
    redeployed: true,
    cluster: target.cluster,
    service: target.service,
    versionId: event.detail?.versionId,
  };
}

export function targetFromEnv(env: Record<string, string | undefined> = process.env): RedeployTarget {
  const cluster = env[ENV.cluster];
  const service = env[ENV.service];
  const secretArn = env[ENV.secretArn];
  // Set by the stack; a function deployed without them must fail loudly (and alarm), not skip silently.
  if (!cluster || !service || !secretArn)
    throw new Error(`${ENV.cluster}, ${ENV.service} and ${ENV.secretArn} must be set`);
  return { cluster, service, secretArn };
}

let client: ECSClient | undefined;

export async function handler(event: SecretLabelUpdatedEvent): Promise<RedeployResult> {
  client ??= new ECSClient({});
  const result = await redeploy(event, targetFromEnv(), client);
  console.log(JSON.stringify({ level: 'info', message: 'umami-redeploy', ...result }));
  return result;
}
