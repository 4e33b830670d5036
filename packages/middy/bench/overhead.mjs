// Per-invocation overhead of the middy front door (#13 item 6: it lives here, so @usermetrics/node's
// benchmark never imports @usermetrics/middy). The same event and handler as packages/node/bench/overhead.mjs,
// interleaved in one run: bare, middy alone, middy + usermetrics(), withUsermetrics, Powertools via middy.
// The goal: the middleware's own overhead (middy + usermetrics() minus middy alone) ≤ the wrapper's + 1 µs.
// Fairness: every instrumented variant writes one invocation's EMF to stdout (/dev/null when run by
// `npm run bench`); Powertools adds one metric itself because that is how it emits anything.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { usermetrics } from '@usermetrics/middy';
import { withUsermetrics } from '@usermetrics/node';
import {
  benchContext,
  httpEvent,
  interleave,
  median,
  quartiles,
  report,
} from '@usermetrics/test-support/bench-lib';

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

const invoke = (h) => (i) => h(httpEvent, benchContext(i));
const cases = {
  bare: invoke(bare),
  middyAlone: invoke(middy(bare)),
  middyUsermetrics: invoke(middy(bare).use(usermetrics(options))),
  withUsermetrics: invoke(withUsermetrics(bare, options)),
  powertoolsMiddy: invoke(powertools),
};
const samples = await interleave(cases, { rounds: 20, batch: 1000, async: true });
const results = {};
for (const [k, s] of Object.entries(samples))
  results[k] = { medianUs: median(s) * 1000, iqrUs: quartiles(s).map((v) => v * 1000) };

// Run by packages/node/bench/run-all.mjs (forked, with an IPC channel): the results go back as JSON and are
// merged into the node table. Run alone (`npm run bench -w packages/middy`): a table on stderr, while stdout
// (the EMF lines) goes wherever the caller sends it.
if (process.send) report({ scenario: 'middy', results });
else {
  const us = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.medianUs]));
  const over = (k) => us[k] - us.bare;
  const own = over('middyUsermetrics') - over('middyAlone');
  const lines = ['| variant | µs / invocation (IQR) | over bare |', '|---|---|---|'];
  for (const [k, r] of Object.entries(results)) {
    const [lo, hi] = r.iqrUs.map((v) => v.toFixed(2));
    lines.push(
      `| ${k} | ${us[k].toFixed(2)} (${lo}–${hi}) | ${k === 'bare' ? '—' : `${over(k).toFixed(2)} µs`} |`,
    );
  }
  lines.push(
    '',
    `middleware's own overhead (middy + usermetrics() − middy alone) ${own.toFixed(2)} µs; withUsermetrics ${over('withUsermetrics').toFixed(2)} µs; goal own ≤ wrapper + 1 µs: ${own <= over('withUsermetrics') + 1 ? 'met' : 'missed'}`,
  );
  process.stderr.write(`${lines.join('\n')}\n`);
}
