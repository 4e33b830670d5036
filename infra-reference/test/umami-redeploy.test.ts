// handlers/umami-redeploy.ts with the real AWS SDK ECS client against a local stand-in for the ECS API on
// 127.0.0.1: what reaches "ECS" is the request the SDK really serialises.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ENV,
  handler,
  type RedeployTarget,
  redeploy,
  type SecretLabelUpdatedEvent,
  targetFromEnv,
} from '../handlers/umami-redeploy';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:UmamiDatabaseSecret-a1b2c3';
const target: RedeployTarget = {
  cluster: 'usermetrics-prod-ClusterCluster-abc',
  service: 'Umami',
  secretArn: SECRET,
};

/** The native event as AWS documents it (Secret Label Updated, AWSCURRENT moved). */
function labelEvent(
  over: Partial<SecretLabelUpdatedEvent> = {},
  label = 'AWSCURRENT',
): SecretLabelUpdatedEvent {
  return {
    source: 'aws.secretsmanager',
    'detail-type': 'Secret Label Updated',
    resources: [SECRET],
    detail: { name: 'UmamiDatabaseSecret', labelUpdated: label, versionId: 'v-2' },
    ...over,
  };
}

interface Seen {
  target: string | undefined;
  body: Record<string, unknown>;
}
let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { service: { serviceName: 'Umami' } } };

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      seen.push({
        target: req.headers['x-amz-target'] as string | undefined,
        body: JSON.parse(text || '{}'),
      });
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  answer = { status: 200, body: { service: { serviceName: 'Umami' } } };
});

const ecs = () =>
  new ECSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });

describe('umami-redeploy', () => {
  it('AWSCURRENT moved on the Umami secret: UpdateService with forceNewDeployment on that cluster/service', async () => {
    const result = await redeploy(labelEvent(), target, ecs());
    expect(result).toEqual({ redeployed: true, cluster: target.cluster, service: 'Umami', versionId: 'v-2' });
    expect(seen).toEqual([
      {
        target: 'AmazonEC2ContainerServiceV20141113.UpdateService',
        body: { cluster: target.cluster, service: 'Umami', forceNewDeployment: true },
      },
    ]);
  });

  it('other secrets, other labels and other events do not touch ECS', async () => {
    const other = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:OpenReplayPostgresString-x';
    const cases: SecretLabelUpdatedEvent[] = [
      labelEvent({ resources: [other] }),
      labelEvent({}, 'MYLABEL'),
      labelEvent({ 'detail-type': 'AWS API Call via CloudTrail' }),
      labelEvent({ source: 'aws.ecs' }),
      {},
    ];
    for (const e of cases) {
      const r = await redeploy(e, target, ecs());
      expect(r.redeployed, JSON.stringify(e)).toBe(false);
    }
    expect(seen).toEqual([]);
    // Positive control: the same stand-in does see a matching event.
    await redeploy(labelEvent(), target, ecs());
    expect(seen).toHaveLength(1);
  });

  it('an ECS refusal propagates (Lambda retries the async event and the Errors alarm sees it)', async () => {
    answer = {
      status: 400,
      body: { __type: 'ServiceNotFoundException', message: 'Service not found.' },
    };
    await expect(redeploy(labelEvent(), target, ecs())).rejects.toMatchObject({
      name: 'ServiceNotFoundException',
    });
    expect(seen).toHaveLength(1);
  });

  it('the configuration comes from the environment and a missing value throws', () => {
    expect(targetFromEnv({ [ENV.cluster]: 'c', [ENV.service]: 's', [ENV.secretArn]: SECRET })).toEqual({
      cluster: 'c',
      service: 's',
      secretArn: SECRET,
    });
    expect(() => targetFromEnv({ [ENV.cluster]: 'c', [ENV.service]: 's' })).toThrow(ENV.secretArn);
  });

  it('the Lambda handler fails loudly without its environment', async () => {
    const saved = { ...process.env };
    for (const k of Object.values(ENV)) delete process.env[k];
    try {
      await expect(handler(labelEvent())).rejects.toThrow(/must be set/);
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
