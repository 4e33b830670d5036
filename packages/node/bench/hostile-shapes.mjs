// Request bodies for the hostile-shape benchmark (bench/hostile.mjs) and the property test that holds the
// handlers to them (test/hostile-shapes.test.ts): the same generators, so the shapes the test checks for
// correctness are the shapes the benchmark times. Issue #18: a hostile body may cost at most 10× a benign
// body of the same size.
import fc from 'fast-check';

export const NOW = Date.parse('2026-01-01T12:00:00.000Z');
export const ORIGIN = 'https://app.example.com';
const SESSION = '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a';
const ISO = new Date(NOW - 1000).toISOString();

/** Repeats `unit` to exactly `length` characters. */
export function fill(unit, length) {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Units a hostile string is made of: every kind of malformed percent-escape (lone `%`, one hex digit, non-hex,
 * truncated and invalid UTF-8 sequences, overlong forms, encoded surrogates, bytes above F4), separator runs
 * (`&`, `=`, `?`, `;`, `/`, `\`, `#`, `@`), the literals that switch on each redaction pass, and card-like
 * digit runs.
 */
export const HOSTILE_UNITS = [
  '%=%&',
  '%',
  '%%',
  '%4',
  '%G0',
  '%zz',
  '%E0%A4',
  '%E0%A4%A',
  '%C0%80',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF',
  '%80',
  '%F0%9F%98',
  '%40',
  '&',
  '=',
  '?',
  ';',
  '/',
  '\\',
  '#',
  '@',
  'a@b.c',
  ':',
  'eyJ',
  'eyJa.',
  'bearer ',
  'Basic ',
  'AKIA',
  '-----',
  '-----BEGIN PRIVATE KEY-----',
  '4111 ',
  '4111-1111-1111-',
  '1 ',
  'token=',
  'password: ',
  '"secret":"',
  'x=%ZZ&',
  '+',
];

/** A fast-check generator of hostile text units, and of text made of them up to `length`. */
export const hostileUnit = fc.oneof(
  fc.constantFrom(...HOSTILE_UNITS),
  // Any short mix: an escape with random hex-ish digits, then separators.
  fc
    .tuple(
      fc.constantFrom('%', '%%', '%E', '%F0', '%C2'),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFgG%'), maxLength: 4 }),
      fc.constantFrom('', '&', '=', '&=', '?', '@'),
    )
    .map((parts) => parts.join('')),
);

/** A hostile text of exactly `length` characters: a few units repeated in turn. */
export const hostileText = (length) =>
  fc.array(hostileUnit, { minLength: 1, maxLength: 4 }).map((units) => fill(units.join(''), length));

// Benign text of a given size: what real URLs, messages and stacks look like.
const benignUrl = (length) => {
  const head = `${ORIGIN}/users/42?tab=profile&lang=en&page=`;
  return head + fill('3&sort=name&filter=active&view=grid&q=', Math.max(0, length - head.length));
};
const STACK_LINE = '\n    at UserCard (https://app.example.com/assets/index-abc123.js:12:345)';

/** Characters of each URL in the full-size web-vitals batches: 50 items stay under the 100 KB body limit. */
export const VITALS_URL_LENGTH = 1800;

/** A web-vitals batch of 50 items whose URLs are `url(i)`. */
export function vitalsBody(url) {
  const names = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
  return JSON.stringify({
    metrics: Array.from({ length: 50 }, (_, i) => ({
      name: names[i % 5],
      value: names[i % 5] === 'CLS' ? 0.05 : 800 + i,
      rating: 'good',
      url: url(i),
      timestamp: ISO,
      id: `v5-${i}`,
      navigationType: 'navigate',
      route: '/users/:id',
    })),
    sessionId: SESSION,
  });
}

/** A benign web-vitals batch of 50 long URLs (about 100 KB). */
export const benignVitals = () => vitalsBody(() => benignUrl(VITALS_URL_LENGTH));

/** The longest start of `text` whose JSON encoding is at most `bytes` long (`"` and `\\` take two). */
export function fitJson(text, bytes) {
  let t = text.slice(0, bytes);
  for (
    let excess = JSON.stringify(t).length - 2 - bytes;
    excess > 0;
    excess = JSON.stringify(t).length - 2 - bytes
  )
    t = t.slice(0, t.length - Math.ceil(excess / 5));
  return t;
}

/** A web-vitals batch whose 50 URLs are `text` after `https://host/?`, as long in JSON as the benign ones. */
export const hostileVitals = (text) =>
  vitalsBody(() => `${ORIGIN}/?${fitJson(text, VITALS_URL_LENGTH - ORIGIN.length - 2)}`);

/** An error report whose every redacted field is `text(max)` for that field's limit (about 40 KB). */
export function errorBody(text) {
  return JSON.stringify({
    error: { message: text(2000), stack: text(16_384), type: 'TypeError' },
    context: {
      url: `${ORIGIN}/?${text(1970)}`,
      userAgent: text(512),
      timestamp: ISO,
      sessionId: SESSION,
      componentStack: text(16_384),
      route: '/users/:id',
      release: text(100),
      replayUrl: `${ORIGIN}/?${text(1970)}`,
      fingerprint: text(128),
    },
  });
}

/** A benign error report of the same shape: a message, long stacks and URLs of the same sizes. */
export const benignError = () =>
  errorBody((n) =>
    n > 2000
      ? fill(STACK_LINE, n)
      : n > 200
        ? fill('tab=profile&lang=en&sort=name&', n)
        : fill('Cannot read id ', n),
  );

/** An API Gateway v2 POST event carrying `body`, with extra headers. */
export function postEvent(body, headers = {}) {
  return {
    version: '2.0',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN, ...headers },
    requestContext: { http: { method: 'POST' }, requestId: 'bench' },
    body,
    isBase64Encoded: false,
  };
}

/** Origin headers: a normal one, and the hostile ones (separator runs, overlong, almost-allowed). */
export const HOSTILE_ORIGINS = {
  'slashes ×10 000 + x': `${'/'.repeat(10_000)}x`,
  'allowed + slashes ×10 000': `${ORIGIN}${'/'.repeat(10_000)}`,
  'spaces ×10 000 + allowed': `${' '.repeat(10_000)}${ORIGIN}`,
  'host of 10 000 characters': `https://${'a'.repeat(10_000)}.com`,
  'dots ×10 000': `https://${'.'.repeat(10_000)}`,
  null: 'null',
};
