// (a) Per-invocation overhead of each way of instrumenting one async handler (API Gateway v2 event). The middy
// middleware's case lives in packages/middy/bench/overhead.mjs: this package must not import its dependant.
// Fairness: every instrumented variant writes one invocation's worth of EMF to stdout (/dev/null) per call;
// the Powertools and naive variants add one metric themselves because that is how they emit anything,
// while usermetrics emits its built-in metrics without user code. No variant logs on success.

import { writeSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { withUsermetrics } from '@usermetrics/node';
import {
  benchContext,
  httpEvent,
  interleave,
  median,
  quartiles,
  report,
} from '@usermetrics/test-support/bench-lib';
import { createMetricsLogger, Unit } from 'aws-embedded-metrics';
import pino from 'pino';

const result = { statusCode: 200, body: '{"ok":true}' };
const bare = async () => result;
const options = { functionName: 'bench-fn', environment: 'bench' };

const ptLogger = new Logger({ serviceName: 'bench' });
const ptMetrics = new Metrics({ namespace: 'Bench', serviceName: 'bench' });
const powertools = middy(async () => {
  ptMetrics.addMetric('Invocations', MetricUnit.Count, 1);
  return result;
})
  .use(injectLambdaContext(ptLogger))
  .use(logMetrics(ptMetrics));

const pinoLogger = pino({ base: null }, pino.destination({ dest: 1, sync: true }));
const naive = async (event, context) => {
  const log = pinoLogger.child({ requestId: context.awsRequestId });
  const m = createMetricsLogger();
  m.setNamespace('Bench');
  m.setDimensions({ functionName: 'bench-fn', environment: 'bench' });
  m.putMetric('Invocations', 1, Unit.Count);
  try {
    return await bare(event, context);
  } finally {
    await m.flush();
    void log;
  }
};

// The floor every variant shares: a bare handler that makes one write(2) of as many bytes as
// withUsermetrics writes for this event (its two EMF documents), as one constant string.
let sample = '';
await withUsermetrics(bare, { ...options, stdout: { write: (line) => (sample += line) } })(
  httpEvent,
  benchContext(0),
);
const emfSized = `${'x'.repeat(Buffer.byteLength(sample) - 1)}\n`;
const bareWrite = async () => {
  writeSync(1, emfSized);
  return result;
};

const invoke = (h) => (i) => h(httpEvent, benchContext(i));
const cases = {
  bare: (i) => bare(httpEvent, benchContext(i)),
  bareOneWrite: (i) => bareWrite(httpEvent, benchContext(i)),
  middyAlone: invoke(middy(bare)),
  withUsermetrics: invoke(withUsermetrics(bare, options)),
  // The same wrapper writing into a no-op sink: the instrumentation itself, without the stdout syscall.
  withUsermetricsNoWrite: invoke(withUsermetrics(bare, { ...options, stdout: { write() {} } })),
  powertoolsMiddy: (i) => powertools(httpEvent, benchContext(i)),
  naiveEmfPino: (i) => naive(httpEvent, benchContext(i)),
};

const samples = await interleave(cases, { rounds: 20, batch: 1000, async: true });
const out = {};
for (const [name, s] of Object.entries(samples))
  out[name] = { medianUs: median(s) * 1000, iqrUs: quartiles(s).map((v) => v * 1000) };
report({ scenario: 'overhead', results: out });
