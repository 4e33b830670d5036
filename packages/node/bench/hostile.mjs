// (e) Hostile request shapes (#18): time per request of the worst bodies we can construct against a benign
// body of the same size, for both ingestion handlers, and of hostile Origin headers against a normal one.
// Shapes: every unit of HOSTILE_UNITS repeated to fill the fields, plus fast-check samples of mixed units
// (fixed seed, so every run times the same bodies). Cases are interleaved round by round; each figure is a
// median. JSON escaping makes some hostile bodies longer than the benign one (`\\` and `"` take two bytes),
// so the ratio compares time per body byte. Only shapes the handler accepts (200) are timed: a refused body
// (413, 400) stops before any of the work being measured. Goals: worst shape ≤ 10× benign; hostile Origin
// ≤ 5× normal.

import { performance } from 'node:perf_hooks';
import { createErrorReportHandler, createWebVitalsHandler } from '@usermetrics/node';
import { median, report } from '@usermetrics/test-support/bench-lib';
import fc from 'fast-check';
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
} from './hostile-shapes.mjs';

const discard = { write: () => true };
const options = {
  stdout: discard,
  now: () => NOW,
  environment: 'production',
  routes: ['/users/:id'],
  allowedOrigins: [ORIGIN],
  dedupe: false,
};
const vitals = createWebVitalsHandler(options);
const errors = createErrorReportHandler(options);

// Named shapes: one unit repeated; generated shapes: a mix of up to four units.
const texts = {};
for (const unit of HOSTILE_UNITS) texts[`"${unit}"×n`] = (n) => fill(unit, n);
const generated = fc.sample(hostileText(16_384), { numRuns: 24, seed: 18 });
generated.forEach((t, i) => {
  texts[`generated #${i}`] = (n) => t.slice(0, n);
});

function time(handler, event, reps) {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) handler(event);
  return (performance.now() - t0) / reps;
}

async function compare(handler, benignBody, allShapes, rounds) {
  const benign = postEvent(benignBody);
  const check = await handler(benign);
  if (check.statusCode !== 200) throw new Error(`the benign body is not accepted: ${check.body}`);
  const shapes = {};
  const refused = [];
  for (const [k, body] of Object.entries(allShapes)) {
    if ((await handler(postEvent(body))).statusCode === 200) shapes[k] = body;
    else refused.push(k);
  }
  const events = Object.fromEntries(Object.entries(shapes).map(([k, body]) => [k, postEvent(body)]));
  const samples = { benign: [] };
  for (const k of Object.keys(events)) samples[k] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const b = time(handler, benign, 3);
    if (r > 0) samples.benign.push(b);
    for (const [k, e] of Object.entries(events)) {
      const t = time(handler, e, 3);
      if (r > 0) samples[k].push(t);
    }
  }
  const benignMs = median(samples.benign);
  const benignBytes = Buffer.byteLength(benignBody);
  const rows = Object.entries(samples)
    .filter(([k]) => k !== 'benign')
    .map(([shape, s]) => {
      const bytes = Buffer.byteLength(shapes[shape]);
      return { shape, ms: median(s), bytes, ratio: median(s) / bytes / (benignMs / benignBytes) };
    });
  rows.sort((a, b) => b.ratio - a.ratio);
  return {
    benignMs,
    benignBytes,
    benignUsPerKb: (benignMs * 1000 * 1024) / benignBytes,
    worstUsPerKb: rows[0] ? (rows[0].ms * 1000 * 1024) / rows[0].bytes : 0,
    worst: rows.slice(0, 5),
    shapes: rows.length,
    refused,
  };
}

const vitalsShapes = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, hostileVitals(t(2000))]));
const errorShapes = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, errorBody(t)]));

const webVitals = await compare(vitals, benignVitals(), vitalsShapes, 5);
const errorReport = await compare(errors, benignError(), errorShapes, 5);

// Origin: the cheapest request (an OPTIONS preflight) makes the header's share of the cost the largest.
function origins() {
  const preflight = (origin) => ({
    version: '2.0',
    headers: { origin, 'access-control-request-method': 'POST' },
    requestContext: { http: { method: 'OPTIONS' }, requestId: 'bench' },
  });
  const cases = { normal: preflight(ORIGIN) };
  for (const [k, o] of Object.entries(HOSTILE_ORIGINS)) cases[k] = preflight(o);
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < 21; r++) {
    for (const [k, e] of Object.entries(cases)) {
      const t = time(vitals, e, 200);
      if (r > 0) samples[k].push(t);
    }
  }
  const normalUs = median(samples.normal) * 1000;
  const rows = Object.entries(samples)
    .filter(([k]) => k !== 'normal')
    .map(([shape, s]) => ({ shape, us: median(s) * 1000, ratio: (median(s) * 1000) / normalUs }));
  rows.sort((a, b) => b.ratio - a.ratio);
  return { normalUs, rows };
}

report({ scenario: 'hostile', results: { webVitals, errorReport, origin: origins() } });
