/** Test-only: fast-check generators of request bodies, valid, mixed and hostile. Not exported. */
import { ERROR_TYPES, WEB_VITAL_NAMES, WEB_VITAL_RATINGS } from '@usermetrics/core';
import fc from 'fast-check';
import type { IngestionEvent } from '../../src/ingestion/types';
import { NOW, ORIGIN, v1Event, v2Event } from './fixtures';

export const ROUTES = ['/users/:id', '/orders/:orderId', '/'];
const DAY = 86_400_000;

/** Text of up to `max` UTF-16 units, any code point (astral ones count two). */
export const text = (max: number) => fc.string({ unit: 'binary', maxLength: Math.floor(max / 2) });
const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 500);
const isoInWindow = fc
  .integer({ min: NOW - DAY + 1000, max: NOW + 5 * 60_000 - 1000 })
  .map((ms) => new Date(ms).toISOString());

/** A web-vitals item that the contract says must be accepted. */
export const validVital = fc.constantFrom(...WEB_VITAL_NAMES).chain((name) =>
  fc.record(
    {
      name: fc.constant(name),
      value: fc.double({ min: 0, max: name === 'CLS' ? 100 : 60_000, noNaN: true }),
      rating: fc.constantFrom(...WEB_VITAL_RATINGS),
      url,
      timestamp: isoInWindow,
      id: text(64),
      navigationType: text(32),
      route: fc.oneof(fc.constantFrom(...ROUTES), text(100)),
    },
    { requiredKeys: ['name', 'value', 'rating', 'url', 'timestamp'] },
  ),
);

/** An item the contract says must be rejected, each with a different mistake. */
export const invalidVital = fc.oneof(
  validVital.map((v) => ({ ...v, name: 'FID' })),
  validVital.map((v) => ({ ...v, name: 'XYZ' })),
  validVital.map((v) => ({ ...v, value: v.name === 'CLS' ? 100.5 : 60_001 })),
  validVital.map((v) => ({ ...v, value: -1 })),
  validVital.map((v) => ({ ...v, value: String(v.value) })),
  validVital.map((v) => ({ ...v, rating: 'great' })),
  validVital.map((v) => ({ ...v, timestamp: new Date(NOW - 2 * DAY).toISOString() })),
  validVital.map((v) => ({ ...v, timestamp: 'yesterday' })),
  validVital.map(({ url: _, ...rest }) => rest),
  fc.constantFrom(null, 1, 'LCP', [], true),
);

/** A web-vitals body with a known verdict per item. */
export const mixedBatch = fc
  .array(
    fc.oneof(
      validVital.map((item) => ({ item: item as unknown, valid: true })),
      invalidVital.map((item) => ({ item: item as unknown, valid: false })),
    ),
    { minLength: 1, maxLength: 50 },
  )
  .map((entries) => ({ entries, sessionId: 's-1' }));

/** An error report the contract says must be accepted. */
export const validErrorReport = fc.record(
  {
    error: fc.record(
      {
        message: text(2000),
        stack: text(4000),
        type: fc.oneof(fc.constantFrom(...ERROR_TYPES), text(100)),
      },
      { requiredKeys: ['message'] },
    ),
    context: fc.record(
      {
        url,
        userAgent: text(512),
        timestamp: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        sessionId: fc.oneof(fc.constantFrom('s-1', 's-2'), text(64)),
        componentStack: text(2000),
        route: fc.oneof(fc.constantFrom(...ROUTES), text(200)),
        release: text(100),
        replayUrl: url,
        fingerprint: fc.oneof(fc.constantFrom('fp-a', 'fp-b'), text(128)),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['error'] },
);

const numberTokens = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '"NaN"',
  '"Infinity"',
  '1e-400',
  '0x10',
  '+1',
  '.5',
  '-0',
];
const protoKeys = ['__proto__', 'constructor', 'prototype'];

/** Bodies written by hand to break parsers and validators. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null';
    }
  }),
  fc.integer({ min: 1, max: 51_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((n) => `{"metrics":[${'{"a":'.repeat(n)}1${'}'.repeat(n)}],"sessionId":"s"}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `{"error":${'{"message":'.repeat(n)}"m"${'}'.repeat(n)}}`),
  fc.integer({ min: 90_000, max: 400_000 }).map((n) => `{"error":{"message":"${'x'.repeat(n)}"}}`),
  fc
    .constantFrom(...protoKeys)
    .map(
      (k) =>
        `{"${k}":{"polluted":true},"metrics":[{"${k}":{"polluted":1},"name":"LCP","value":1,"rating":"good","url":"u","timestamp":"${new Date(NOW).toISOString()}"}],"sessionId":"s","error":{"message":"m","${k}":{"polluted":1}},"context":{"${k}":{"prototype":{"polluted":1}}}}`,
    ),
  fc
    .constantFrom(...numberTokens)
    .map(
      (t) =>
        `{"metrics":[{"name":"LCP","value":${t},"rating":"good","url":"u","timestamp":"${new Date(NOW).toISOString()}"}],"sessionId":"s"}`,
    ),
  fc.constantFrom(...numberTokens).map((t) => `{"error":{"message":${t},"type":${t}}}`),
  fc
    .jsonValue({ maxDepth: 2 })
    .map(
      (v) => `{"metrics":${JSON.stringify(v)},"sessionId":${JSON.stringify(v)},"error":${JSON.stringify(v)}}`,
    ),
  fc.constant(
    `{"metrics":[],"metrics":[{"name":"LCP","value":1,"rating":"good","url":"u","timestamp":"${new Date(NOW).toISOString()}"}],"sessionId":1,"sessionId":"s"}`,
  ),
  fc.constant('{"error":{"message":"a"},"error":{"message":"b","message":1}}'),
  fc.constant('{"error":{"message":"lone \\ud800 surrogate \\udfff"},"context":{"url":"\\udc00"}}'),
);

/** Everything around the body: event version, method, Content-Type, base64, origin. */
export const hostileEvent: fc.Arbitrary<IngestionEvent> = fc
  .record({
    body: hostileText,
    version: fc.constantFrom('v1', 'v2'),
    method: fc.constantFrom('POST', 'POST', 'POST', 'post', 'GET', 'OPTIONS', 'PUT', ''),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain;charset=UTF-8',
      'APPLICATION/JSON',
      'text/html',
      '',
    ),
    base64: fc.constantFrom('no', 'no', 'yes', 'random-bytes'),
    bytes: fc.uint8Array({ maxLength: 300 }),
    origin: fc.constantFrom(ORIGIN, 'https://evil.example', 'null', ''),
  })
  .map((r) => {
    const headers: Record<string, string> = {};
    if (r.contentType) headers[r.version === 'v1' ? 'Content-Type' : 'content-type'] = r.contentType;
    if (r.origin) headers.origin = r.origin;
    const body =
      r.base64 === 'random-bytes'
        ? Buffer.from(r.bytes).toString('base64')
        : r.base64 === 'yes'
          ? Buffer.from(r.body).toString('base64')
          : r.body;
    const make = r.version === 'v1' ? v1Event : v2Event;
    return make({ method: r.method, headers, body, isBase64Encoded: r.base64 !== 'no' });
  });
