import { ERROR_TYPES, LIMITS, OTHER_ROUTE, REJECTION_REASONS } from '@usermetrics/core';
import { validateEmfLine } from '@usermetrics/test-support/emf-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectStdout, now, v1Event, v2Event } from '../../test/ingestion/fixtures';
import {
  hostileEvent,
  mixedBatch,
  ROUTES,
  validErrorReport,
  validVital,
} from '../../test/ingestion/fuzz-arbitraries';
import { prototypeSnapshot, responseProblem } from '../../test/ingestion/response-shape';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';

// Generated bodies per property; the total (≥ 10 000) is asserted at the end.
const RUNS = { valid: 1000, mixed: 1200, errors: 2000, hostileVitals: 3200, hostileErrors: 3200 };
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
let generated = 0;

const out = collectStdout();
const options = {
  stdout: out,
  now,
  environment: 'production',
  routes: ROUTES,
  allowedOrigins: ['https://app.example.com'],
};
const vitals = createWebVitalsHandler(options);
const errors = createErrorReportHandler(options);
const before = prototypeSnapshot();

/** Dimension values seen across every property: they must stay inside their fixed sets. */
/** What clients claimed, to show the input really was high-cardinality. */
const sent = { route: new Set<unknown>(), errorType: new Set<unknown>() };
const seen = {
  route: new Set<string>(),
  errorType: new Set<string>(),
  reason: new Set<string>(),
  environment: new Set<string>(),
};

/** Validates and drains what the last request wrote; returns the EMF documents. */
function drain(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (const line of out.lines()) {
    if (!line.includes('"_aws"')) {
      JSON.parse(line);
      continue;
    }
    const problems = validateEmfLine(line);
    if (problems.length > 0) throw new Error(`invalid EMF: ${problems.join('; ')}\n${line}`);
    const doc = JSON.parse(line) as Record<string, unknown>;
    for (const key of Object.keys(seen) as (keyof typeof seen)[]) {
      if (typeof doc[key] === 'string') seen[key].add(doc[key] as string);
    }
    docs.push(doc);
  }
  out.clear();
  return docs;
}

const fuzz = { seed: SEED, endOnFailure: true };
const TIMEOUT = 120_000;

describe('ingestion handlers under generated input', () => {
  it(
    'accept every item of a valid batch, in v1 and v2 events, plain or base64',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(validVital, { minLength: 1, maxLength: 50 }),
          fc.constantFrom(v1Event, v2Event),
          fc.boolean(),
          async (items, makeEvent, base64) => {
            generated++;
            for (const item of items) sent.route.add(item.route);
            const raw = JSON.stringify({ metrics: items, sessionId: 's-1' });
            const body = base64 ? Buffer.from(raw).toString('base64') : raw;
            const res = await vitals(makeEvent({ body, isBase64Encoded: base64 }));
            const docs = drain();
            expect(responseProblem(res, 'vitals')).toBeUndefined();
            if (Buffer.byteLength(raw) > LIMITS.maxBodyBytes) {
              expect(res.statusCode).toBe(413);
              return;
            }
            expect(JSON.parse(res.body)).toEqual({
              success: true,
              metricsReceived: items.length,
              metricsRejected: 0,
            });
            expect(docs.map((d) => (d._aws as { Timestamp: number }).Timestamp)).toEqual(
              items.map((i) => Date.parse(i.timestamp)),
            );
          },
        ),
        { ...fuzz, numRuns: RUNS.valid },
      );
    },
    TIMEOUT,
  );

  it(
    'keep exactly the valid items of a mixed batch and reject each bad one with a reason',
    async () => {
      await fc.assert(
        fc.asyncProperty(mixedBatch, async ({ entries, sessionId }) => {
          generated++;
          const raw = JSON.stringify({ metrics: entries.map((e) => e.item), sessionId });
          const res = await vitals(v2Event({ body: raw }));
          const docs = drain();
          expect(responseProblem(res, 'vitals')).toBeUndefined();
          if (res.statusCode === 413)
            return expect(Buffer.byteLength(raw)).toBeGreaterThan(LIMITS.maxBodyBytes);
          const body = JSON.parse(res.body);
          const rejected = new Set((body.rejected ?? []).map((r: { index: number }) => r.index));
          expect(entries.map((_, i) => rejected.has(i))).toEqual(entries.map((e) => !e.valid));
          const valid = entries.filter((e) => e.valid).length;
          expect(body.metricsReceived).toBe(valid);
          expect(docs.filter((d) => !('MetricsRejected' in d))).toHaveLength(valid);
          const counted = docs.reduce((sum, d) => sum + Number(d.MetricsRejected ?? 0), 0);
          expect(counted).toBe(entries.length - valid);
        }),
        { ...fuzz, numRuns: RUNS.mixed },
      );
    },
    TIMEOUT,
  );

  it(
    'answer every valid error report with an errorId, one log line and one counted metric',
    async () => {
      await fc.assert(
        fc.asyncProperty(validErrorReport, async (report) => {
          generated++;
          sent.errorType.add(report.error.type);
          sent.route.add(report.context?.route);
          const raw = JSON.stringify(report);
          const res = await errors(v2Event({ body: raw }));
          const lines = out.lines();
          const docs = drain();
          expect(responseProblem(res, 'errors')).toBeUndefined();
          if (Buffer.byteLength(raw) > LIMITS.maxBodyBytes) return expect(res.statusCode).toBe(413);
          expect(res.statusCode).toBe(200);
          expect(docs).toHaveLength(1);
          expect(docs[0]?.FrontendErrors).toBe(1);
          expect(lines).toHaveLength(2);
        }),
        { ...fuzz, numRuns: RUNS.errors },
      );
    },
    TIMEOUT,
  );

  it.each([
    ['web-vitals', 'vitals', RUNS.hostileVitals],
    ['error-report', 'errors', RUNS.hostileErrors],
  ] as const)(
    'never throw, never answer 500 and always answer the documented shape: %s',
    async (_, kind, numRuns) => {
      const handler = kind === 'vitals' ? vitals : errors;
      await fc.assert(
        fc.asyncProperty(hostileEvent, async (event) => {
          generated++;
          const res = await handler(event);
          drain();
          expect(res.statusCode).not.toBe(500);
          expect(responseProblem(res, kind)).toBeUndefined();
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        }),
        { ...fuzz, numRuns },
      );
    },
    TIMEOUT,
  );

  // Runs last (tests of a file run in order): the invariants over everything generated above.
  it('kept Object.prototype clean and every dimension bounded across all ≥ 10 000 generated inputs', () => {
    expect(prototypeSnapshot()).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(generated).toBeGreaterThanOrEqual(10_000);
    // Bounded cardinality: every dimension value seen comes from configuration or a fixed list.
    expect([...seen.environment]).toEqual(['production']);
    for (const r of seen.route) expect([...ROUTES, OTHER_ROUTE]).toContain(r);
    for (const t of seen.errorType) expect([...ERROR_TYPES, 'Other']).toContain(t);
    for (const r of seen.reason) expect(REJECTION_REASONS).toContain(r);
    // Positive control: clients sent thousands of distinct values and the probes did read dimensions, so an
    // empty or unread set cannot pass for "bounded".
    expect(sent.route.size).toBeGreaterThan(1000);
    expect(sent.errorType.size).toBeGreaterThan(500);
    expect(seen.route.size).toBeGreaterThan(1);
    expect(seen.route.size).toBeLessThanOrEqual(ROUTES.length + 1);
    expect(seen.errorType.size).toBeGreaterThan(1);
    expect(seen.reason.size).toBeGreaterThan(1);
  });
});
