/**
 * Test-only builders: real-looking API Gateway events and a stdout collector. Not exported from the package.
 */
import { expectValidEmf, isEmfLine } from '@usermetrics/test-support/emf-schema';
import type { IngestionEvent, IngestionHandlerOptions } from '../../src/ingestion/types';
import type { LineSink } from '../../src/io/stdout';

export const NOW = Date.parse('2026-01-01T12:00:00.000Z');
export const now = (): number => NOW;
export const ORIGIN = 'https://app.example.com';

export interface EventInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json', origin: ORIGIN };

/** An HTTP API (v2) / Function URL event: lower-case headers, method under requestContext.http. */
export function v2Event(init: EventInit = {}): IngestionEvent {
  const method = init.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /metrics/web-vitals`,
    rawPath: '/metrics/web-vitals',
    rawQueryString: '',
    headers: init.headers ?? JSON_HEADERS,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'api.example.com',
      http: {
        method,
        path: '/metrics/web-vitals',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'UA',
      },
      requestId: 'v2-request-id',
      routeKey: `${method} /metrics/web-vitals`,
      stage: '$default',
      time: '01/Jan/2026:12:00:00 +0000',
      timeEpoch: NOW,
    },
    body: init.body === undefined ? null : init.body,
    isBase64Encoded: init.isBase64Encoded ?? false,
  } as IngestionEvent;
}

/** A REST API (v1) event: headers as the client spelled them, plus multiValueHeaders. */
export function v1Event(init: EventInit = {}): IngestionEvent {
  const headers = init.headers ?? { 'Content-Type': 'application/json', Origin: ORIGIN };
  const multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  return {
    resource: '/metrics/web-vitals',
    path: '/metrics/web-vitals',
    httpMethod: init.method ?? 'POST',
    headers,
    multiValueHeaders,
    queryStringParameters: null,
    requestContext: {
      accountId: '123456789012',
      requestId: 'v1-request-id',
      httpMethod: init.method ?? 'POST',
      identity: { sourceIp: '203.0.113.9', userAgent: 'UA' },
      stage: 'prod',
    },
    body: init.body === undefined ? null : init.body,
    isBase64Encoded: init.isBase64Encoded ?? false,
  } as IngestionEvent;
}

/**
 * Collects everything written, split into lines and parsed; EMF documents are told apart by `_aws`, and
 * every one of them is checked against the EMF JSON schema as it is read.
 */
export function collectStdout(): LineSink & {
  lines(): string[];
  emf(): Record<string, unknown>[];
  logs(): Record<string, unknown>[];
  text(): string;
  clear(): void;
} {
  const chunks: string[] = [];
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l !== '');
  return {
    write(s: string) {
      chunks.push(String(s));
    },
    lines,
    emf: () => lines().filter(isEmfLine).map(expectValidEmf),
    logs: () =>
      lines()
        .filter((l) => !isEmfLine(l))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => chunks.join(''),
    clear: () => {
      chunks.length = 0;
    },
  };
}

/** A valid web-vitals item at the fixed clock. */
export function vital(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'LCP',
    value: 1250.5,
    rating: 'good',
    url: 'https://app.example.com/users/42',
    timestamp: new Date(NOW - 1000).toISOString(),
    id: 'v5-1',
    navigationType: 'navigate',
    route: '/users/:id',
    ...overrides,
  };
}

export const SESSION = '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a';

/** A web-vitals request body. */
export function vitalsBody(metrics: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ metrics, sessionId: SESSION, userAgent: 'Mozilla/5.0 Test', ...extra });
}

/** An error-report request body. */
export function errorBody(
  error: Record<string, unknown> = {},
  context: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    error: {
      message: 'x is undefined',
      stack: 'TypeError: x is undefined\n    at f (https://app/a.js:1:2)',
      type: 'TypeError',
      ...error,
    },
    context: { url: 'https://app.example.com/users/42', sessionId: SESSION, route: '/users/:id', ...context },
  });
}

/**
 * A handler built the way the ingestion tests build one: its stdout collected, the fixed clock, `production`,
 * {@link ORIGIN} allowed; `options` override or add to that.
 */
export function handlerOn<O extends IngestionHandlerOptions, H>(
  create: (options: O) => H,
  options: O = {} as O,
): { out: ReturnType<typeof collectStdout>; handler: H } {
  const out = collectStdout();
  const handler = create({
    stdout: out,
    now,
    environment: 'production',
    allowedOrigins: [ORIGIN],
    ...options,
  });
  return { out, handler };
}
