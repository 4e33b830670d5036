import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  collectStdout,
  handlerOn,
  now,
  ORIGIN,
  v1Event,
  v2Event,
  vital,
  vitalsBody,
} from '../../test/ingestion/fixtures';
import { MAX_ORIGIN_LENGTH, normalizeOrigin } from './cors-policy';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import type { IngestionHandlerOptions } from './types';

afterEach(() => {
  vi.restoreAllMocks();
});

const setup = (options: IngestionHandlerOptions = {}) => handlerOn(createWebVitalsHandler, options);

const preflight = (origin?: string) =>
  v2Event({
    method: 'OPTIONS',
    headers: {
      ...(origin ? { origin } : {}),
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-session-id',
    },
  });
const post = (origin?: string) =>
  v2Event({
    headers: { 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
    body: vitalsBody([vital()]),
  });

describe('CORS', () => {
  it('answers a preflight from an allowed origin with 204 and the methods, headers and max-age', async () => {
    const { handler } = setup();

    const res = await handler(preflight(ORIGIN));

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, X-Session-Id',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    });
  });

  it('answers a REST v1 preflight the same way', async () => {
    const { handler } = setup({ corsMaxAgeSeconds: 60 });

    const res = await handler(v1Event({ method: 'OPTIONS', headers: { Origin: ORIGIN } }));

    expect(res.statusCode).toBe(204);
    expect(res.headers['Access-Control-Max-Age']).toBe('60');
  });

  it('refuses a preflight from another origin, or without one, with 403 origin_not_allowed', async () => {
    const { handler } = setup();

    for (const res of [await handler(preflight('https://evil.example')), await handler(preflight())]) {
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('origin_not_allowed');
      expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
    }
  });

  it('echoes an allowed origin on the POST answer, with Vary and Retry-After exposed', async () => {
    const { handler } = setup();

    const res = await handler(post(ORIGIN));

    expect(res.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      Vary: 'Origin',
      'Access-Control-Expose-Headers': 'Retry-After',
    });
  });

  it('refuses a POST from another origin with 403 origin_not_allowed, writing and counting nothing (#17)', async () => {
    const { out, handler } = setup();

    const foreign = await handler(post('https://evil.example'));
    const nullOrigin = await handler(post('null'));

    for (const res of [foreign, nullOrigin]) {
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body)).toEqual({
        success: false,
        error: { code: 'origin_not_allowed', message: 'Origin is not allowed' },
      });
      expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
    }
    expect(out.lines()).toEqual([]);
    // Positive control: the same request from the allowed origin is answered, echoed and counted.
    const allowed = await handler(post(ORIGIN));
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
    expect(out.emf()).toHaveLength(1);
  });

  it('still processes a POST without Origin (server to server), echoing nothing', async () => {
    const { out, handler } = setup();

    const res = await handler(post());

    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect(res.headers.Vary).toBe('Origin');
    expect(out.emf()).toHaveLength(1);
  });

  it('matches origins case-insensitively and ignores a trailing slash in configuration', async () => {
    const { handler } = setup({ allowedOrigins: ['HTTPS://App.Example.com/'] });

    const res = await handler(post(ORIGIN));

    expect(res.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
  });

  it.each(['dev', 'development', 'local', 'test', ' Test '])("allows '*' in %s", async (environment) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { handler } = setup({ environment, allowedOrigins: ['*'] });

    const res = await handler(post('https://anything.example'));
    const pre = await handler(preflight('https://anything.example'));

    expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(pre.statusCode).toBe(204);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(['production', 'PROD', 'prod-eu', 'production-us-east-1', 'prd', 'staging', 'live'])(
    "ignores '*' in %s with one console warning (#18: only dev, development, local, test allow it)",
    async (environment) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { handler } = setup({ environment, allowedOrigins: ['*', ORIGIN] });

      const other = await handler(post('https://anything.example'));
      const pre = await handler(preflight('null'));
      const allowed = await handler(post(ORIGIN));

      expect(other.statusCode).toBe(403);
      expect(pre.statusCode).toBe(403);
      expect(other.headers['Access-Control-Allow-Origin']).toBeUndefined();
      expect(allowed.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain("'*' is ignored");
    },
  );

  it('applies the same policy to the error-report handler', async () => {
    const handler = createErrorReportHandler({ stdout: collectStdout(), now, allowedOrigins: [ORIGIN] });

    const ok = await handler(preflight(ORIGIN));
    const refused = await handler(preflight('https://evil.example'));

    expect([ok.statusCode, refused.statusCode]).toEqual([204, 403]);
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['https://app.example.com', 'https://app.example.com'],
    ['HTTPS://APP.example.com:8443/', 'https://app.example.com:8443'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://app.example.com/path', undefined],
    ['null', undefined],
    ['app.example.com', undefined],
    ['javascript://x', undefined],
    [`${ORIGIN}${'/'.repeat(250)}`, ORIGIN],
    [`${ORIGIN}${'/'.repeat(300)}`, undefined],
    [`${' '.repeat(301)}${ORIGIN}`, undefined],
    [`${'/'.repeat(10_000)}x`, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it('refuses an Origin header longer than MAX_ORIGIN_LENGTH before looking at it', () => {
    // A string whose every method throws: only .length may be read.
    const huge = new Proxy(new String('x'.repeat(MAX_ORIGIN_LENGTH + 1)), {
      get(target, key) {
        if (key === 'length') return target.length;
        throw new Error(`read ${String(key)}`);
      },
    });
    expect(normalizeOrigin(huge as unknown as string)).toBeUndefined();
  });
});
