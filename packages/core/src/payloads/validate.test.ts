import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../constants';
import { validateErrorReport, validateWebVitalMetric, validateWebVitalsPayload } from './validate';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const metric = (over: Record<string, unknown> = {}) => ({
  name: 'LCP',
  value: 1250.5,
  rating: 'good',
  url: 'https://app.example/p',
  timestamp: '2026-06-01T11:59:00.000Z',
  id: 'v5-1',
  navigationType: 'navigate',
  route: '/p',
  ...over,
});
const body = (metrics: unknown[]) => ({
  metrics,
  sessionId: '0190b6c2-0000-7000-8000-000000000000',
  userAgent: 'UA',
});

describe('validateWebVitalsPayload', () => {
  it('accepts a valid batch of all five vitals', () => {
    const names = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
    const r = validateWebVitalsPayload(body(names.map((name) => metric({ name, value: 0.1 }))), { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.accepted.map((a) => a.metric.name)).toEqual(names);
    expect(r.rejected).toEqual([]);
    expect(r.sessionId).toBe('0190b6c2-0000-7000-8000-000000000000');
  });

  it('keeps the good items of a partly bad batch and gives each bad one a reason', () => {
    const r = validateWebVitalsPayload(
      body([
        metric(),
        metric({ name: 'FID' }),
        metric({ name: 'XYZ' }),
        metric({ value: Number.NaN }),
        metric({ value: '12' }),
        metric({ value: 60_001 }),
        metric({ name: 'CLS', value: 101 }),
        metric({ rating: 'great' }),
        metric({ timestamp: 'yesterday' }),
        metric({ timestamp: '2026-05-30T11:59:00.000Z' }),
        metric({ timestamp: '2026-06-01T12:06:00.000Z' }),
        metric({ url: 42 }),
        'not an object',
        metric({ value: -1 }),
        metric({ name: 'TTFB', value: 0 }),
      ]),
      { now: NOW },
    );
    if (!r.ok) throw new Error('envelope should be valid');
    expect(r.accepted.map((a) => a.index)).toEqual([0, 14]);
    expect(r.rejected).toEqual([
      { index: 1, reason: 'obsolete_metric' },
      { index: 2, reason: 'unknown_metric' },
      { index: 3, reason: 'invalid_value' },
      { index: 4, reason: 'invalid_value' },
      { index: 5, reason: 'value_out_of_range' },
      { index: 6, reason: 'value_out_of_range' },
      { index: 7, reason: 'invalid_rating' },
      { index: 8, reason: 'invalid_timestamp' },
      { index: 9, reason: 'timestamp_out_of_range' },
      { index: 10, reason: 'timestamp_out_of_range' },
      { index: 11, reason: 'invalid_field' },
      { index: 12, reason: 'invalid_item' },
      { index: 13, reason: 'value_out_of_range' },
    ]);
  });

  it.each([
    ['name', 'unknown_metric'],
    ['value', 'invalid_value'],
    ['rating', 'invalid_rating'],
    ['timestamp', 'invalid_timestamp'],
    ['url', 'invalid_field'],
  ])('rejects an item missing %s with reason %s', (key, reason) => {
    const item: Record<string, unknown> = metric();
    delete item[key];
    expect(validateWebVitalMetric(item, NOW)).toBe(reason);
  });

  it('accepts timestamps within the 5-minute clock skew', () => {
    expect(validateWebVitalMetric(metric({ timestamp: '2026-06-01T12:04:00.000Z' }), NOW)).toMatchObject({
      name: 'LCP',
    });
  });

  it('drops unknown keys from accepted items', () => {
    const r = validateWebVitalMetric(metric({ evil: 'x', __proto__: { polluted: true } }), NOW);
    expect(r).not.toHaveProperty('evil');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a non-object', 'nope', '$'],
    ['an empty batch', body([]), 'metrics'],
    [
      'too many metrics',
      body(Array.from({ length: LIMITS.maxMetricsPerBatch + 1 }, () => metric())),
      'metrics',
    ],
    ['a missing sessionId', { metrics: [metric()] }, 'sessionId'],
    ['an overlong sessionId', { metrics: [metric()], sessionId: 'x'.repeat(65) }, 'sessionId'],
  ])('fails the whole request for %s with a path', (_, input, path) => {
    const r = validateWebVitalsPayload(input, { now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid_payload');
    expect(r.issues[0]?.path).toBe(path);
  });

  it('passes a valid batchId through and leaves it out when absent', () => {
    const id = '0190b6c2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';
    const withId = validateWebVitalsPayload({ ...body([metric()]), batchId: id }, { now: NOW });
    const without = validateWebVitalsPayload(body([metric()]), { now: NOW });
    expect(withId.ok && withId.batchId).toBe(id);
    expect(without.ok).toBe(true);
    expect(without).not.toHaveProperty('batchId');
  });

  it.each([
    ['empty', ''],
    ['longer than 64', 'a'.repeat(65)],
    ['not a string', 7],
    ['holding a quote', 'abc"def'],
    ['holding a newline', 'abc\ndef'],
    ['holding a space', 'abc def'],
  ])('fails the whole request for a batchId %s', (_, batchId) => {
    const r = validateWebVitalsPayload({ ...body([metric()]), batchId }, { now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('batchId');
  });

  it('accepts exactly 50 metrics', () => {
    const r = validateWebVitalsPayload(body(Array.from({ length: 50 }, () => metric())), { now: NOW });
    expect(r.ok && r.accepted.length).toBe(50);
  });

  it('never throws and accepts every generated valid item (property)', () => {
    const valid = fc.record({
      name: fc.constantFrom('LCP', 'INP', 'FCP', 'TTFB'),
      value: fc.double({ min: 0, max: 60_000, noNaN: true }),
      rating: fc.constantFrom('good', 'needs-improvement', 'poor'),
      url: fc.webUrl(),
      timestamp: fc.integer({ min: NOW - 86_000_000, max: NOW }).map((t) => new Date(t).toISOString()),
    });
    const tagged = fc.oneof(
      valid.map((item) => ({ good: true, item })),
      fc.anything({ maxDepth: 2 }).map((item) => ({ good: false, item })),
    );
    fc.assert(
      fc.property(fc.array(tagged, { minLength: 1, maxLength: 50 }), (entries) => {
        const r = validateWebVitalsPayload(body(entries.map((e) => e.item)), { now: NOW });
        if (!r.ok) return false;
        const acceptedIdx = new Set(r.accepted.map((a) => a.index));
        const everyValidKept = entries.every((e, i) => !e.good || acceptedIdx.has(i));
        return everyValidKept && r.accepted.length + r.rejected.length === entries.length;
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('validateErrorReport', () => {
  const report = {
    error: { message: 'boom', stack: 'Error: boom\n  at x', type: 'TypeError' },
    context: {
      url: 'https://app.example/p',
      sessionId: 's1',
      timestamp: '2026-06-01T11:59:00.000Z',
      notInTheContract: 1,
    },
  };

  it('accepts a valid report and drops unknown keys', () => {
    const r = validateErrorReport(report);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.error.message).toBe('boom');
    expect(r.value.context).not.toHaveProperty('notInTheContract');
  });

  it('keeps release, error.handled and context.extra', () => {
    const r = validateErrorReport({
      error: { ...report.error, handled: false },
      context: { ...report.context, release: '1.2.3', extra: { orderId: 42, nested: { a: [1] } } },
    });

    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.error.handled).toBe(false);
    expect(r.value.context?.release).toBe('1.2.3');
    expect(r.value.context?.extra).toEqual({ orderId: 42, nested: { a: [1] } });
  });

  it('keeps handled where browsers up to 0.x send it (context.handled)', () => {
    const r = validateErrorReport({ error: report.error, context: { handled: true } });

    expect(r.ok && r.value.context?.handled).toBe(true);
  });

  it('keeps a valid batchId and refuses a malformed one', () => {
    const ok = validateErrorReport({ ...report, batchId: 'b-64'.padEnd(64, '0') });
    const bad = validateErrorReport({ ...report, batchId: 'b/1' });
    expect(ok.ok && ok.value.batchId).toBe('b-64'.padEnd(64, '0'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toContain('batchId');
  });

  it.each([
    ['no error', { context: {} }, 'error'],
    ['a non-string message', { error: { message: 1 } }, 'error.message'],
    ['an overlong stack', { error: { message: 'm', stack: 's'.repeat(20_000) } }, 'error.stack'],
    ['a bad timestamp', { error: { message: 'm' }, context: { timestamp: 'now' } }, 'context.timestamp'],
    ['a non-boolean handled', { error: { message: 'm', handled: 'yes' } }, 'error.handled'],
    ['a non-object extra', { error: { message: 'm' }, context: { extra: 1 } }, 'context.extra'],
    ['an array as extra', { error: { message: 'm' }, context: { extra: [1] } }, 'context.extra'],
  ])('rejects %s with the failing path', (_, input, path) => {
    const r = validateErrorReport(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });
});
