import { METRIC_CATALOG, REJECTION_REASONS } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import {
  collectStdout,
  NOW,
  now,
  SESSION,
  v1Event,
  v2Event,
  vital,
  vitalsBody,
} from '../../test/ingestion/fixtures';
import { createWebVitalsHandler } from './create-web-vitals-handler';
import type { WebVitalsHandlerOptions } from './types';

function setup(options: WebVitalsHandlerOptions = {}) {
  const out = collectStdout();
  const handler = createWebVitalsHandler({
    stdout: out,
    now,
    environment: 'production',
    routes: ['/users/:id', '/orders/:orderId'],
    allowedOrigins: ['https://app.example.com'],
    ...options,
  });
  return { out, handler };
}

describe('createWebVitalsHandler', () => {
  it.each([
    ['HTTP API v2', v2Event],
    ['REST API v1', v1Event],
  ])('publishes every item of a valid batch from a %s event', async (_, makeEvent) => {
    const { out, handler } = setup();
    const items = [
      vital(),
      vital({ name: 'CLS', value: 0.12 }),
      vital({ name: 'INP', value: 80, rating: 'poor' }),
    ];

    const res = await handler(makeEvent({ body: vitalsBody(items) }));

    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ success: true, metricsReceived: 3, metricsRejected: 0 });
    const docs = out.emf();
    expect(docs.map((d) => Object.keys(d).filter((k) => k in METRIC_CATALOG))).toEqual([
      ['LargestContentfulPaint'],
      ['CumulativeLayoutShift'],
      ['InteractionToNextPaint'],
    ]);
    expect(docs[1]?.CumulativeLayoutShift).toBe(0.12);
  });

  it('writes the catalog namespace, unit and dimension sets, with session, rating and navigation as properties', async () => {
    const { out, handler } = setup();

    await handler(v2Event({ body: vitalsBody([vital({ name: 'CLS', value: 0.3 })]) }));

    const [doc] = out.emf();
    expect(doc?._aws).toEqual({
      Timestamp: NOW - 1000,
      CloudWatchMetrics: [
        {
          Namespace: 'UserMetrics/Frontend',
          Dimensions: [['environment'], ['environment', 'route']],
          Metrics: [{ Name: 'CumulativeLayoutShift', Unit: 'None' }],
        },
      ],
    });
    expect(doc).toMatchObject({
      environment: 'production',
      route: '/users/:id',
      sessionId: SESSION,
      rating: 'good',
      navigationType: 'navigate',
    });
    // No IP and no user agent anywhere in the document, while the request carried both.
    expect(JSON.stringify(doc)).not.toMatch(/203\.0\.113\.9|Mozilla/);
    expect(vitalsBody([vital()])).toContain('Mozilla');
  });

  it('keeps valid items of a partly bad batch and reports each bad one by index and reason', async () => {
    const { out, handler } = setup();
    const items = [
      vital({ name: 'FID' }),
      vital(),
      vital({ value: 60_001 }),
      'not an object',
      vital({ name: 'TTFB', value: 'fast' }),
      vital({ timestamp: new Date(NOW - 25 * 3600_000).toISOString() }),
      vital({ name: 'FCP', value: 900 }),
    ];

    const res = await handler(v2Event({ body: vitalsBody(items) }));

    expect(JSON.parse(res.body)).toEqual({
      success: true,
      metricsReceived: 2,
      metricsRejected: 5,
      rejected: [
        { index: 0, reason: 'obsolete_metric' },
        { index: 2, reason: 'value_out_of_range' },
        { index: 3, reason: 'invalid_item' },
        { index: 4, reason: 'invalid_value' },
        { index: 5, reason: 'timestamp_out_of_range' },
      ],
    });
    const docs = out.emf();
    const rejectedDocs = docs.filter((d) => 'MetricsRejected' in d);
    expect(rejectedDocs.map((d) => [d.reason, d.MetricsRejected])).toEqual([
      ['obsolete_metric', 1],
      ['value_out_of_range', 1],
      ['invalid_item', 1],
      ['invalid_value', 1],
      ['timestamp_out_of_range', 1],
    ]);
    for (const d of rejectedDocs) {
      expect(REJECTION_REASONS).toContain(d.reason);
      expect(
        (d._aws as { CloudWatchMetrics: { Dimensions: unknown }[] }).CloudWatchMetrics[0]?.Dimensions,
      ).toEqual([['environment', 'reason']]);
    }
    expect(docs.filter((d) => 'LargestContentfulPaint' in d || 'FirstContentfulPaint' in d)).toHaveLength(2);
  });

  it('sums rejections of the same reason into one MetricsRejected value', async () => {
    const { out, handler } = setup();

    await handler(v2Event({ body: vitalsBody([vital({ name: 'FID' }), vital({ name: 'FID' }), vital()]) }));

    expect(out.emf().filter((d) => 'MetricsRejected' in d)).toEqual([
      expect.objectContaining({ reason: 'obsolete_metric', MetricsRejected: 2 }),
    ]);
  });

  it('accepts only configured routes as the route dimension and matches the URL when no route is sent', async () => {
    const { out, handler } = setup();
    const items = [
      vital({ route: '/users/:id' }),
      vital({ route: '/users/42' }),
      vital({ route: '/admin/:secret' }),
      vital({ route: undefined, url: 'https://app.example.com/orders/o-9?x=1' }),
      vital({ route: undefined, url: 'https://app.example.com/unknown/page' }),
    ];

    await handler(v2Event({ body: vitalsBody(items) }));

    expect(out.emf().map((d) => d.route)).toEqual([
      '/users/:id',
      'other',
      'other',
      '/orders/:orderId',
      'other',
    ]);
  });

  it('takes the environment from configuration only, never from the request', async () => {
    const { out, handler } = setup({ environment: 'staging' });

    await handler(
      v2Event({ body: vitalsBody([vital({ environment: 'attacker' })], { environment: 'attacker' }) }),
    );

    expect(out.emf().map((d) => d.environment)).toEqual(['staging']);
  });

  it('answers 400 invalid_payload with issues when the envelope is wrong, and publishes nothing', async () => {
    const { out, handler } = setup();

    const res = await handler(v2Event({ body: JSON.stringify({ metrics: [], sessionId: 7 }) }));

    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.success).toBe(false);
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(['metrics', 'sessionId']);
    expect(out.lines()).toEqual([]);
  });

  it('redacts the URL and navigation type it stores as properties', async () => {
    const { out, handler } = setup();
    const url = 'https://app.example.com/users/42?token=abc123&email=jane@example.com#access_token=xyz';

    await handler(v2Event({ body: vitalsBody([vital({ url, navigationType: 'jane@example.com' })]) }));

    const [doc] = out.emf();
    expect(url).toContain('jane@example.com');
    expect(doc?.url).toBe('https://app.example.com/users/42?token=[REDACTED]&email=[REDACTED]');
    expect(doc?.navigationType).toBe('[REDACTED]');
  });
});

describe('rejection reasons of items with missing fields', () => {
  it.each([
    ['name', 'unknown_metric'],
    ['value', 'invalid_value'],
    ['rating', 'invalid_rating'],
    ['timestamp', 'invalid_timestamp'],
    ['url', 'invalid_field'],
  ])('an item without %s is rejected as %s', async (field, reason) => {
    const { handler } = setup();
    const item = vital();
    delete item[field];

    const res = await handler(v2Event({ body: vitalsBody([item, vital()]) }));

    expect(JSON.parse(res.body)).toMatchObject({ metricsReceived: 1, rejected: [{ index: 0, reason }] });
  });
});
