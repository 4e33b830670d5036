/**
 * Ingestion handler throughput next to its floor: `JSON.parse` + core validation of the same body, which any
 * handler must do. The difference is what the handler adds (event reading, limits, CORS, redaction, EMF
 * serialization, the log line). Output goes to a sink that discards lines, for the handler only; the
 * baseline writes nothing, so the ratio includes the cost of formatting EMF and log lines.
 * Run: `npm run bench -w packages/node` (or `npx vitest bench --run bench/ingestion.bench.ts`).
 */
import { validateErrorReport, validateWebVitalsPayload } from '@usermetrics/core';
import { bench, describe } from 'vitest';
import { createErrorReportHandler, createWebVitalsHandler } from '../src/ingestion/index';
import type { IngestionEvent } from '../src/ingestion/types';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const now = () => NOW;
const discard = { write: (_line: string) => true };
const names = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;

const vitalsBody = JSON.stringify({
  metrics: Array.from({ length: 10 }, (_, i) => ({
    name: names[i % names.length],
    value: names[i % names.length] === 'CLS' ? 0.05 : 800 + i,
    rating: 'good',
    url: `https://app.example.com/users/${i}?tab=profile`,
    timestamp: new Date(NOW - 1000 - i).toISOString(),
    id: `v5-${i}`,
    navigationType: 'navigate',
    route: '/users/:id',
  })),
  sessionId: '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
});

const errorBody = JSON.stringify({
  error: {
    message: "Cannot read properties of undefined (reading 'id')",
    stack:
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at UserCard (https://app.example.com/assets/index-abc.js:12:345)\n    at renderWithHooks (https://app.example.com/assets/vendor-def.js:1:2345)\n    at mountIndeterminateComponent (https://app.example.com/assets/vendor-def.js:1:6789)",
    type: 'TypeError',
  },
  context: {
    url: 'https://app.example.com/users/42?tab=profile',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
    timestamp: new Date(NOW).toISOString(),
    sessionId: '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a',
    componentStack: '\n    in UserCard (at Users.tsx:42)\n    in Users (at App.tsx:10)',
    route: '/users/:id',
    release: '1.2.3',
  },
});

function event(body: string): IngestionEvent {
  return {
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://app.example.com' },
    requestContext: { http: { method: 'POST' }, requestId: 'bench' },
    body,
    isBase64Encoded: false,
  };
}

const common = {
  stdout: discard,
  now,
  environment: 'production',
  routes: ['/users/:id'],
  allowedOrigins: ['https://app.example.com'],
};
const vitals = createWebVitalsHandler(common);
// Dedupe off: every report takes the full path (redaction, fingerprint, ERROR line), the worst case.
const errors = createErrorReportHandler({ ...common, dedupe: false });
const vitalsEvent = event(vitalsBody);
const errorEvent = event(errorBody);

describe('web-vitals, 10-metric batch', () => {
  bench('createWebVitalsHandler (10 EMF documents)', async () => {
    await vitals(vitalsEvent);
  });
  bench('baseline: JSON.parse + validateWebVitalsPayload', () => {
    validateWebVitalsPayload(JSON.parse(vitalsBody), { now: NOW });
  });
});

describe('error report', () => {
  bench('createErrorReportHandler (ERROR line + EMF)', async () => {
    await errors(errorEvent);
  });
  bench('baseline: JSON.parse + validateErrorReport', () => {
    validateErrorReport(JSON.parse(errorBody));
  });
});
