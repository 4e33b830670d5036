/*
 * redact() against the cheapest deep copy there is, JSON.parse(JSON.stringify(x)), on the same input in
 * the same process, so the ratio is what matters (absolute numbers vary by machine). Fairness: the
 * baseline copies without looking at anything; redact() also runs every string through the patterns.
 * Run: cd packages/core && npx vitest bench --run bench/redaction.bench.ts
 */
import { bench, describe } from 'vitest';
import { redact } from '../src/redaction/redact';
import { redactString } from '../src/redaction/redact-string';
import { sanitizeUrl } from '../src/redaction/sanitize-url';

const stack = [
  "TypeError: Cannot read properties of undefined (reading 'total')",
  '    at CheckoutSummary (https://app.example.com/assets/index-4f2a9c1b.js:1:48213)',
  '    at renderWithHooks (https://app.example.com/assets/vendor-8d1e2f3a.js:2:91822)',
  '    at updateFunctionComponent (https://app.example.com/assets/vendor-8d1e2f3a.js:2:95120)',
  '    at beginWork (https://app.example.com/assets/vendor-8d1e2f3a.js:2:110455)',
  '    at performUnitOfWork (https://app.example.com/assets/vendor-8d1e2f3a.js:2:148291)',
].join('\n');

const errorReport = {
  error: { message: "Cannot read properties of undefined (reading 'total')", stack, type: 'TypeError' },
  context: {
    url: 'https://app.example.com/checkout/summary?step=3&coupon=SPRING24',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    timestamp: '2026-01-01T10:30:00.000Z',
    sessionId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
    componentStack: '\n    at CheckoutSummary\n    at Suspense\n    at ErrorBoundary\n    at App',
    route: '/checkout/summary',
    release: '1.2.3',
    replayUrl: 'https://openreplay.example.com/3/session/7291038472918',
    fingerprint: 'TypeError:CheckoutSummary:48213',
  },
};

const logContext = {
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  route: '/orders/:orderId',
  method: 'POST',
  statusCode: 201,
  durationMs: 42.7,
  user: { id: 'u_1842', plan: 'pro', email: 'jane.doe@example.com' },
  headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
  order: {
    id: 'ord_9f8e7d',
    items: [
      { sku: 'SKU-1001', qty: 2 },
      { sku: 'SKU-2002', qty: 1 },
    ],
    total: 59.9,
  },
  flags: ['new-checkout', 'dark-mode'],
};

describe('error report payload (DESIGN §5)', () => {
  bench('redact()', () => {
    redact(errorReport);
  });
  bench('baseline: JSON.parse(JSON.stringify())', () => {
    JSON.parse(JSON.stringify(errorReport));
  });
});

describe('log context (DESIGN §4)', () => {
  bench('redact()', () => {
    redact(logContext);
  });
  bench('baseline: JSON.parse(JSON.stringify())', () => {
    JSON.parse(JSON.stringify(logContext));
  });
});

describe('single strings', () => {
  bench('redactString() on a stack trace', () => {
    redactString(stack);
  });
  bench('sanitizeUrl() on a page URL', () => {
    sanitizeUrl('https://app.example.com/checkout/summary?step=3&coupon=SPRING24&utm_source=mail#top');
  });
});
