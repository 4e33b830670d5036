import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectStdout, now, v2Event, vital, vitalsBody } from '../../test/ingestion/fixtures';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import { isProductionEnvironment, resolveOptions } from './resolve-options';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('option handling', () => {
  it('gives a working handler with safe defaults and exactly one warning for bad options', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const out = collectStdout();

    const handler = createWebVitalsHandler({
      stdout: out,
      now,
      allowedOrigins: 'https://app.example.com' as never,
      routes: [42, '/users/:id'] as never,
      environment: '' as never,
      rateLimit: { requestsPerSecond: -1 },
      corsMaxAgeSeconds: 1e9,
      shouldThrottle: 'yes' as never,
      functionName: 3 as never,
      logger: {} as never,
    });
    // No Origin header: a server-to-server call, which no allowlist refuses.
    const res = await handler(
      v2Event({ headers: { 'content-type': 'application/json' }, body: vitalsBody([vital()]) }),
    );

    expect(res.statusCode).toBe(200);
    expect(out.emf()[0]?.route).toBe('/users/:id');
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    for (const name of [
      'allowedOrigins',
      'routes',
      'environment',
      'rateLimit',
      'corsMaxAgeSeconds',
      'shouldThrottle',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('does not warn for valid options', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    createErrorReportHandler({
      allowedOrigins: ['https://app.example.com'],
      environment: 'production',
      routes: ['/a'],
      rateLimit: { requestsPerSecond: 5, burst: 10 },
      dedupe: { maxSessions: 10, maxFingerprintsPerSession: 5 },
      stdout: collectStdout(),
    });

    expect(warn).not.toHaveBeenCalled();
  });

  it('survives options that are not an object, or whose getters throw, with one warning each', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('getter trap');
        },
      },
    );

    const a = createErrorReportHandler('nonsense' as never);
    const b = createErrorReportHandler(hostile as never);

    expect(warn).toHaveBeenCalledTimes(2);
    for (const h of [a, b]) expect((await h(v2Event({ method: 'GET', headers: {} }))).statusCode).toBe(405);
  });

  it('warns about bad dedupe settings and keeps deduplicating with defaults', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const r = resolveOptions('x', {
      dedupe: { maxSessions: 0, maxFingerprintsPerSession: 1.5 },
      stdout: collectStdout(),
    });
    const s = resolveOptions('x', { dedupe: 'on', stdout: collectStdout() });

    expect(r.dedupe).toEqual({ maxSessions: 1000, maxFingerprints: 50 });
    expect(s.dedupe).toEqual({ maxSessions: 1000, maxFingerprints: 50 });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('takes environment and function name from the Lambda environment when not configured', () => {
    vi.stubEnv('USERMETRICS_ENVIRONMENT', 'staging');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'ingest-fn');

    const r = resolveOptions('x', { stdout: collectStdout() });

    expect([r.environment, r.functionName]).toEqual(['staging', 'ingest-fn']);
  });

  it('defaults the environment to production, where * is refused', () => {
    vi.stubEnv('USERMETRICS_ENVIRONMENT', '');
    vi.stubEnv('NODE_ENV', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const r = resolveOptions('x', { allowedOrigins: ['*'], stdout: collectStdout() });

    expect(r.environment).toBe('production');
    expect(r.cors.responseHeaders('https://x.example')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['production', true],
    ['Prod', true],
    [' PRODUCTION ', true],
    ['prod-eu', true],
    ['production-us-east-1', true],
    ['prd', true],
    ['preprod', true],
    ['staging', true],
    ['', true],
    ['dev', false],
    [' Development ', false],
    ['local', false],
    ['TEST', false],
  ])('isProductionEnvironment(%j) is %s', (env, expected) => {
    expect(isProductionEnvironment(env)).toBe(expected);
  });
});
