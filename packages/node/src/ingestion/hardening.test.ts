import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  collectStdout,
  errorBody,
  now,
  ORIGIN,
  SESSION,
  v2Event,
  vital,
  vitalsBody,
} from '../../test/ingestion/fixtures';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import { OUTPUT_BASE_BYTES } from './output-budget';

afterEach(() => {
  vi.restoreAllMocks();
});

const common = { now, environment: 'production', allowedOrigins: [ORIGIN], routes: ['/users/:id'] };
const post = (body: string, headers: Record<string, string> = {}) =>
  v2Event({ headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers }, body });
const preflight = () =>
  v2Event({ method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });

describe('X-Session-Id in the error-report handler (#18 item 4)', () => {
  it.each([
    ['a quote', 'a"b'],
    ['a newline', 'a\nb'],
    ['U+2028', 'a\u2028b'],
    ['a space', 'a b'],
  ])('ignores a header with %s', async (_, header) => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ ...common, stdout: out });

    await handler(post(errorBody({}, { sessionId: undefined }), { 'x-session-id': header }));

    const [log] = out.logs();
    expect(log).toBeDefined();
    expect(log).not.toHaveProperty('sessionId');
    expect(out.text()).not.toContain(header);
  });

  it('uses a header that passes the rule (positive control), lower-casing a UUID', async () => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ ...common, stdout: out });

    await handler(post(errorBody({}, { sessionId: undefined }), { 'x-session-id': SESSION.toUpperCase() }));

    expect(out.logs()[0]?.sessionId).toBe(SESSION);
    expect(out.emf()[0]?.sessionId).toBe(SESSION);
  });

  it('holds the body sessionId to the same rule', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({ ...common, stdout: out });

    const res = await handler(post(JSON.stringify({ metrics: [vital()], sessionId: 'a\u2028"b' })));

    expect(res.statusCode).toBe(200);
    expect(out.emf()).toHaveLength(1);
    expect(out.emf()[0]).not.toHaveProperty('sessionId');
  });
});

describe('throttling of preflights (#18 item 5)', () => {
  it('counts OPTIONS against the rate limit', async () => {
    const handler = createWebVitalsHandler({
      ...common,
      stdout: collectStdout(),
      rateLimit: { requestsPerSecond: 1, burst: 2 },
    });

    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await handler(preflight())).statusCode);

    expect(codes).toEqual([204, 204, 429, 429, 429]);
  });

  it('asks shouldThrottle about OPTIONS too', async () => {
    const shouldThrottle = vi.fn(() => 30);
    const handler = createErrorReportHandler({ ...common, stdout: collectStdout(), shouldThrottle });

    const res = await handler(preflight());

    expect(shouldThrottle).toHaveBeenCalledTimes(1);
    expect(res.statusCode).toBe(429);
    expect(res.headers['Retry-After']).toBe('30');
  });
});

describe('bytes written per request (#18 item 6)', () => {
  it('writes a small error report in less than the base budget', async () => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ ...common, stdout: out });

    await handler(post('{"error":{"message":""}}'));

    expect(Buffer.byteLength(out.text())).toBeLessThan(OUTPUT_BASE_BYTES);
    expect(out.logs()).toHaveLength(1);
    expect(out.emf()).toHaveLength(1);
  });

  it('does not write a long message twice', async () => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ ...common, stdout: out });
    const message = 'm'.repeat(2000);

    await handler(post(errorBody({ message, stack: undefined })));

    expect(out.text().split(message)).toHaveLength(2);
  });

  it('never cuts a benign full-size batch (positive control of the budget)', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({ ...common, stdout: out });
    const items = Array.from({ length: 50 }, (_, i) => vital({ url: `https://app.example.com/users/${i}` }));

    await handler(post(vitalsBody(items)));

    expect(out.emf()).toHaveLength(50);
    expect(out.logs()).toEqual([]);
  });
});
