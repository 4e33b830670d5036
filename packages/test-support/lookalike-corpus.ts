/**
 * Values that look like personal data or secrets but are not, and must come out of `redact()` unchanged.
 * Each false positive here would hide what an engineer needs when reading a report. Test data only.
 */
export interface LookalikeSample {
  /** What the value is; becomes the test name. */
  readonly name: string;
  /** Must deep-equal `redact(input)`. */
  readonly input: unknown;
}

function s(name: string, input: unknown): LookalikeSample {
  return { name, input };
}

/** Every sample that must survive redaction unchanged (at least 30). */
export const LOOKALIKE_CORPUS: readonly LookalikeSample[] = [
  s('order id', 'ORD-2024-000184'),
  s('invoice number', 'INV-20240115-0042'),
  s('order id as a key-value', 'order #98213 shipped, orderId=5510023344'),
  s('ISO timestamp', '2026-01-01T10:30:00.000Z'),
  s('timestamp with offset', '2024-02-29T23:59:59+05:30'),
  s('SQL-style date time', '2024-01-15 10:30:00'),
  s('epoch millis as a number', { ts: 1767225600000 }),
  s('epoch millis as a string (13 digits, Luhn-valid, issuer 1)', 'at 1767225600009'),
  s('non-Luhn 16-digit run', 'tracking 4111111111111112'),
  s('non-Luhn 16-digit run in groups', 'ref 5555 5555 5555 4445'),
  s('16 digits glued to letters (an id, not a card)', 'txn_4111111111111111a'),
  // Phone numbers are redacted since #14 (see the PII corpus); what only looks like one must survive.
  s('order number shaped like a phone number', 'ORD-415-555-0132 and order 4155550132 shipped'),
  s('dates in several notations', '01/15/2024, 15.01.2024, 2024/01/15'),
  s('time range and UTC offset', '10:30-11:45 UTC+05:30'),
  s('browser and build version strings', 'Chrome/131.0.6778.85 build 2024.1.15.1234 v10.2.3-beta.4'),
  s('prices in text', '$1,234.56 incl. € 1.234,56 and USD 4155.00 (+12.5%)'),
  s(
    'numbers the SSA never issues as SSNs',
    '000-12-3456, 666-12-3456, 900-12-3456, 123-00-4567, 123-45-0000',
  ),
  s('SKU with an SSN-like prefix', 'SKU 123-45-67890'),
  s('ZIP+4 and ISBN', 'ZIP 94105-1234, ISBN 978-3-16-148410-0'),
  s('phone words without a number', 'Maximum call stack size exceeded; callback 12345678'),
  s('UUID v4', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'),
  s('UUIDv7 session id under sessionId', { sessionId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' }),
  s('session id header', 'X-Session-Id: 0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b'),
  s('Lambda request id', { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' }),
  s('semver', ['1.2.3', '18.2.0-rc.1+build.5']),
  s('package specifiers with @', 'upgrade react@18.2.0 and @usermetrics/core@0.0.0'),
  s('git SHA', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'),
  s('short git SHA in a release', { release: 'web@7c0f135' }),
  s('CSS colors', ['#ff8800', 'rgb(255, 136, 0)', 'hsl(210 40% 96%)']),
  s('token metadata keys (tokenCount, tokenType, expiresIn are kept)', {
    tokenCount: 1532,
    tokenType: 'Bearer',
    tokenExpiresIn: 3600,
  }),
  s('keys that contain short sensitive words', {
    author: 'Jane',
    className: 'btn-primary',
    pinned: true,
    compass: 'N',
    passed: 12,
  }),
  s('route patterns', ['/users/:id', '/orders/:orderId/items/:itemId']),
  s('URL without sensitive params', 'https://app.example.com/products?page=2&sort=price&size=42'),
  s('relative URL with harmless params', '/search?q=running+shoes&lang=en'),
  s('social handles (no domain)', 'thanks @jane_doe and @acme/web-team'),
  s('file paths', [
    '/var/task/index.mjs',
    'C:\\Users\\Public\\report.pdf',
    'src/components/Checkout.tsx:42:7',
  ]),
  s('stack frame', '    at CheckoutSummary (https://app.example.com/assets/index-4f2a9c1b.js:1:48213)'),
  s('prose mentioning auth schemes', 'Bearer authentication required; Basic settings were saved'),
  s('non-sensitive log key-values', 'status=200 durationMs=42 route=/users/:id method=GET'),
  s('comparison in code', 'if (token == null) return'),
  s('prices and versions', { price: 1299.99, os: 'Windows 10.0.19045', build: 20260101 }),
  s('IPv4 address and port', '10.0.4.12:5432'),
  s('AWS ARN with account id', 'arn:aws:lambda:eu-west-1:123456789012:function:api'),
  s('base64 of a non-JWT', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE'),
  s('web-vitals metric id', { id: 'v5-1767225600000-8412345678901', name: 'LCP', value: 1250.5 }),
];
