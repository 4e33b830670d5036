import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from './log-forwarder';
import { startOpenSearchStandIn } from './test/opensearch-stand-in';
import { dataMessage, logEvent, subscriptionEvent } from './test/subscription-event';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('handler (configured from the Lambda environment)', () => {
  it('throws without OPENSEARCH_ENDPOINT, so the batch stays with Lambda instead of vanishing', async () => {
    vi.stubEnv('OPENSEARCH_ENDPOINT', '');

    await expect(handler(subscriptionEvent(dataMessage([logEvent('x')])))).rejects.toThrow(
      /OPENSEARCH_ENDPOINT is not set/,
    );
  });

  it('signs with the credentials Lambda puts in the environment and writes under INDEX_PREFIX', async () => {
    const standIn = await startOpenSearchStandIn();
    vi.stubEnv('OPENSEARCH_ENDPOINT', standIn.endpoint);
    vi.stubEnv('INDEX_PREFIX', 'team-logs');
    vi.stubEnv('AWS_REGION', 'eu-central-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAENVEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token-from-lambda');
    try {
      const result = await handler(subscriptionEvent(dataMessage([logEvent('hello')])));

      expect(result).toMatchObject({ indexed: 1 });
      const headers = standIn.requests[0]?.headers ?? {};
      expect(String(headers.authorization)).toMatch(
        /Credential=ASIAENVEXAMPLE\/\d{8}\/eu-central-1\/es\/aws4_request/,
      );
      expect(String(headers.authorization)).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
      expect(headers['x-amz-security-token']).toBe('session-token-from-lambda');
      expect(standIn.documents()[0]?.index).toMatch(/^team-logs-\d{4}\.\d{2}\.\d{2}$/);
    } finally {
      await standIn.close();
    }
  });
});
