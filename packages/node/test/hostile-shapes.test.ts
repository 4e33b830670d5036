// #18: the hostile shapes the benchmark times (bench/hostile.mjs) are held here to what must stay true of them
// — no 500, every line valid JSON, bounded dimensions, no more output than the request's budget. Their cost
// is measured in `npm run bench`, never here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benignError,
  benignVitals,
  errorBody,
  fill,
  HOSTILE_ORIGINS,
  HOSTILE_UNITS,
  hostileText,
  hostileVitals,
  NOW,
  ORIGIN,
  postEvent,
} from '../bench/hostile-shapes.mjs';
import { createErrorReportHandler } from '../src/ingestion/create-error-report-handler';
import { createWebVitalsHandler } from '../src/ingestion/create-web-vitals-handler';
import { OUTPUT_BASE_BYTES, OUTPUT_BYTES_PER_BODY_BYTE } from '../src/ingestion/output-budget';
import type { IngestionEvent } from '../src/ingestion/types';
import { collectStdout } from './ingestion/fixtures';

const options = {
  now: () => NOW,
  environment: 'production',
  allowedOrigins: [ORIGIN],
  routes: ['/users/:id'],
};

async function check(kind: 'vitals' | 'errors', body: string) {
  const out = collectStdout();
  const handler = (kind === 'vitals' ? createWebVitalsHandler : createErrorReportHandler)({
    ...options,
    stdout: out,
  });
  const res = await handler(postEvent(body) as IngestionEvent);
  expect([200, 400, 413]).toContain(res.statusCode);
  const lines = out.lines();
  for (const line of lines) JSON.parse(line);
  const written = lines.filter((l) => !l.includes('"level":"WARN"')).join('\n');
  expect(Buffer.byteLength(written)).toBeLessThanOrEqual(
    OUTPUT_BASE_BYTES + OUTPUT_BYTES_PER_BODY_BYTE * Buffer.byteLength(body),
  );
  for (const doc of out.emf()) {
    if ('route' in doc) expect(['/users/:id', 'other']).toContain(doc.route);
    if ('errorType' in doc) expect(typeof doc.errorType).toBe('string');
  }
  return { res, out };
}

describe('hostile request shapes (#18)', () => {
  it('the benign bodies of the benchmark are accepted (positive control)', async () => {
    expect((await check('vitals', benignVitals())).res.statusCode).toBe(200);
    expect((await check('errors', benignError())).res.statusCode).toBe(200);
  });

  it.each(HOSTILE_UNITS)(
    'a body full of %j is answered without a 500, within its output budget',
    async (unit) => {
      const vitals = await check('vitals', hostileVitals(fill(unit, 2000)));
      const errors = await check(
        'errors',
        errorBody((n) => fill(unit, n)),
      );
      expect(vitals.res.statusCode).toBe(200);
      expect(errors.res.statusCode).toBe(200);
    },
  );

  it('holds for generated mixes of hostile units (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(4000), async (text) => {
        await check('vitals', hostileVitals(text));
        await check(
          'errors',
          errorBody((n) => text.slice(0, n)),
        );
      }),
      { numRuns: 25 },
    );
  });

  it.each(Object.entries(HOSTILE_ORIGINS))(
    'refuses the Origin %s with 403, writing nothing',
    async (_, origin) => {
      const out = collectStdout();
      const handler = createWebVitalsHandler({ ...options, stdout: out });

      const res = await handler(postEvent(benignVitals(), { origin }) as IngestionEvent);

      expect(res.statusCode).toBe(403);
      expect(out.lines()).toEqual([]);
    },
  );
});
