import { describe, expect, it } from 'vitest';
import {
  collectStdout,
  errorBody,
  NOW,
  now,
  ORIGIN,
  v2Event,
  vital,
  vitalsBody,
} from '../../test/ingestion/fixtures';
import { BATCH_MEMORY_TTL_MS, createBatchMemory } from './batch-memory';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';

const common = { now, environment: 'production', allowedOrigins: [ORIGIN] };
const post = (body: string) => v2Event({ body });
const BATCH = '0190b6c2-7b6c-7c4e-9f3a-000000000001';

describe('a retried batch is counted once (#17)', () => {
  it('answers a repeated web-vitals batchId with the same 200 body and counts it once', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({ ...common, stdout: out });
    const body = vitalsBody([vital(), vital({ name: 'FID' })], { batchId: BATCH });

    const first = await handler(post(body));
    const retry = await handler(post(body));

    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['Access-Control-Allow-Origin']).toBe(ORIGIN);
    // One LCP document and one MetricsRejected document, from the first request only.
    expect(out.emf()).toHaveLength(2);
  });

  it('answers a repeated error report with the same errorId, logging and counting it once', async () => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ ...common, stdout: out, dedupe: false });
    const body = JSON.stringify({ ...JSON.parse(errorBody()), batchId: BATCH });

    const first = JSON.parse((await handler(post(body))).body);
    const retry = JSON.parse((await handler(post(body))).body);

    expect(retry).toEqual(first);
    expect(out.logs()).toHaveLength(1);
    expect(out.emf()).toHaveLength(1);
  });

  it('counts batches with other ids, or without one, every time (positive control)', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({ ...common, stdout: out });

    await handler(post(vitalsBody([vital()], { batchId: 'a-1' })));
    await handler(post(vitalsBody([vital()], { batchId: 'a-2' })));
    await handler(post(vitalsBody([vital()])));
    await handler(post(vitalsBody([vital()])));

    expect(out.emf()).toHaveLength(4);
  });

  it('does not remember a refused request, so its corrected retry is counted', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({ ...common, stdout: out });

    const bad = await handler(post(JSON.stringify({ metrics: [], sessionId: 's', batchId: 'b-1' })));
    const good = await handler(post(vitalsBody([vital()], { batchId: 'b-1' })));

    expect([bad.statusCode, good.statusCode]).toEqual([400, 200]);
    expect(out.emf()).toHaveLength(1);
  });
});

describe('createBatchMemory', () => {
  it('forgets an entry after the TTL', () => {
    let t = NOW;
    const memory = createBatchMemory(() => t);
    memory.remember('k', '{"success":true}');

    t += BATCH_MEMORY_TTL_MS - 1;
    expect(memory.recall('k')).toBe('{"success":true}');
    t += 1;
    expect(memory.recall('k')).toBeUndefined();
  });

  it('keeps at most its size, forgetting the least recently stored first', () => {
    const memory = createBatchMemory(() => NOW, 3);
    for (const k of ['a', 'b', 'c', 'd']) memory.remember(k, k);

    expect(['a', 'b', 'c', 'd'].map((k) => memory.recall(k))).toEqual([undefined, 'b', 'c', 'd']);
  });
});
