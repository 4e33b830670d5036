// handlers/edge-only.ts around the real @usermetrics/node web-vitals handler: only a request carrying CloudFront's
// origin header reaches it.
import { createHash } from 'node:crypto';
import { createWebVitalsHandler } from '@usermetrics/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { edgeOnly, ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER } from '../handlers/edge-only';

const ORIGIN = 'https://app.example.com';
const SECRET = 'cloudfront-origin-secret-0123456789abcdefABCDEF';
const env = { [ORIGIN_VERIFY_ENV]: createHash('sha256').update(SECRET).digest('hex') };

function apiEvent(headers: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: 'POST /metrics/web-vitals',
    rawPath: '/metrics/web-vitals',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    requestContext: { http: { method: 'POST', path: '/metrics/web-vitals' }, requestId: 'api-req-1' },
    body: JSON.stringify({
      sessionId: '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a',
      metrics: [
        {
          name: 'LCP',
          value: 1250,
          rating: 'good',
          url: `${ORIGIN}/`,
          timestamp: new Date().toISOString(),
        },
      ],
    }),
    isBase64Encoded: false,
  };
}

/** The real handler, its stdout captured: a line there means the request reached it. */
function realHandler() {
  const lines: string[] = [];
  const inner = createWebVitalsHandler({
    stdout: { write: (s: string) => void lines.push(s) },
    allowedOrigins: [ORIGIN],
    environment: 'test',
  });
  return { inner, lines };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('edgeOnly', () => {
  it('the right header: the real handler answers (positive control)', async () => {
    const { inner, lines } = realHandler();
    const res = await edgeOnly(inner, env)(apiEvent({ [ORIGIN_VERIFY_HEADER]: SECRET }), {
      awsRequestId: 'r1',
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ success: true, metricsReceived: 1, metricsRejected: 0 });
    expect(lines.length).toBeGreaterThan(0);
  });

  it.each([
    ['missing', {}],
    ['wrong', { [ORIGIN_VERIFY_HEADER]: `${SECRET}x` }],
    ['empty', { [ORIGIN_VERIFY_HEADER]: '' }],
    ['the hash instead of the secret', { [ORIGIN_VERIFY_HEADER]: env[ORIGIN_VERIFY_ENV] as string }],
  ])('header %s: 403 origin_not_allowed JSON, the real handler never runs', async (_, headers) => {
    const { inner, lines } = realHandler();
    const res = await edgeOnly(inner, env)(apiEvent(headers), { awsRequestId: 'r2' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['Content-Type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      success: false,
      error: { code: 'origin_not_allowed', message: expect.stringContaining('CloudFront') },
    });
    expect(lines).toEqual([]);
  });

  it('header names are matched case-insensitively', async () => {
    const { inner } = realHandler();
    const res = await edgeOnly(inner, env)(apiEvent({ 'X-Usermetrics-Origin-Verify': SECRET }));
    expect(res.statusCode).toBe(200);
  });

  it('a configured value that is not a SHA-256 refuses everything (one warning); unset leaves the handler as is', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { inner, lines } = realHandler();
    const broken = edgeOnly(inner, { [ORIGIN_VERIFY_ENV]: 'not-a-hash' });
    expect((await broken(apiEvent({ [ORIGIN_VERIFY_HEADER]: SECRET }))).statusCode).toBe(403);
    expect((await broken(apiEvent({ [ORIGIN_VERIFY_HEADER]: 'not-a-hash' }))).statusCode).toBe(403);
    expect(lines).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(edgeOnly(inner, {})).toBe(inner);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
