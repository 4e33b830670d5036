// (c) Custom metrics end to end, as user code runs them (#13): 10 × `add` with 3 dimensions, then a flush
// that writes the EMF document to stdout (/dev/null), Lambda mode. usermetrics: `metrics.add` + `metrics.flush()`;
// aws-embedded-metrics: `createMetricsLogger()` + `setDimensions` + 10 × `putMetric` + `flush()`; Powertools:
// `addDimensions` + 10 × `addMetric` + `publishStoredMetrics()`. Each writes one document per flush.
// AWS_EMF_ENVIRONMENT=Lambda is set before the libraries load (they read it at import): every case takes its
// Lambda path, stdout, no agent.
process.env.AWS_EMF_ENVIRONMENT = 'Lambda';
const { Metrics, MetricUnit } = await import('@aws-lambda-powertools/metrics');
const { metrics } = await import('@usermetrics/node');
const { createMetricsLogger, Unit } = await import('aws-embedded-metrics');
const { interleave, median, quartiles, report } = await import('@usermetrics/test-support/bench-lib');

const dimensions = { shop: 'checkout', region: 'eu-west-1', tier: 'gold' };
const names = Array.from({ length: 10 }, (_, i) => `Metric${i}`);
const pt = new Metrics({ namespace: 'Bench', serviceName: 'bench' });

const cases = {
  usermetrics: async () => {
    for (let i = 0; i < 10; i++) metrics.add(names[i], i * 1.5, 'Milliseconds', dimensions);
    await metrics.flush();
  },
  // The same work with the dimensions written inline, a new object on every call (how much handler code
  // looks): no identity shortcut, every add validates through the record cache's key.
  usermetricsInlineDims: async () => {
    for (let i = 0; i < 10; i++)
      metrics.add(names[i], i * 1.5, 'Milliseconds', { shop: 'checkout', region: 'eu-west-1', tier: 'gold' });
    await metrics.flush();
  },
  awsEmbeddedMetrics: async () => {
    const m = createMetricsLogger();
    m.setNamespace('Bench');
    m.setDimensions(dimensions);
    for (let i = 0; i < 10; i++) m.putMetric(names[i], i * 1.5, Unit.Milliseconds);
    await m.flush();
  },
  powertools: async () => {
    pt.addDimensions(dimensions);
    for (let i = 0; i < 10; i++) pt.addMetric(names[i], MetricUnit.Milliseconds, i * 1.5);
    pt.publishStoredMetrics();
  },
};
const samples = await interleave(cases, { rounds: 20, batch: 500, async: true });
const out = {};
for (const [name, s] of Object.entries(samples)) {
  out[name] = {
    flushesPerSec: 1000 / median(s),
    iqr: quartiles(s)
      .map((v) => 1000 / v)
      .reverse(),
  };
}
report({ scenario: 'emf', results: out });
