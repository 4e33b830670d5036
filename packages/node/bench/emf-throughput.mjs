// (c) EMF documents serialized per second, 10 metrics × 3 dimensions, serialization only: the input (or
// aws-embedded-metrics' MetricsContext, or the finished object) is built once, outside the timed loop.
import { compileEmf, serializeEmf } from '@usermetrics/node';
import { createMetricsLogger, Unit } from 'aws-embedded-metrics';
import { LogSerializer } from 'aws-embedded-metrics/lib/serializers/LogSerializer.js';
import { interleave, median, quartiles, report } from './lib.mjs';

const dimensions = { service: 'checkout', region: 'eu-west-1', tier: 'gold' };
const names = Array.from({ length: 10 }, (_, i) => `Metric${i}`);
const input = {
  namespace: 'Bench',
  dimensionSets: [Object.keys(dimensions)],
  dimensions,
  metrics: names.map((name, i) => ({ name, unit: 'Milliseconds', value: i * 1.5 })),
  timestamp: Date.now(),
};

const logger = createMetricsLogger();
logger.setNamespace('Bench');
logger.setDimensions(dimensions);
for (const [i, name] of names.entries()) logger.putMetric(name, i * 1.5, Unit.Milliseconds);
const context = logger.context;
const serializer = new LogSerializer();

const finished = JSON.parse(serializeEmf(input)[0]);

const compiled = compileEmf({ ...input, metrics: input.metrics.map(({ name, unit }) => ({ name, unit })) });
const values = input.metrics.map((m) => m.value);

let sink = 0;
const cases = {
  usermetricsCompiled: () => {
    sink += compiled(values, input.timestamp).length;
  },
  usermetricsSerializeEmf: () => {
    sink += serializeEmf(input)[0].length;
  },
  awsEmbeddedMetrics: () => {
    sink += serializer.serialize(context)[0].length;
  },
  jsonStringify: () => {
    sink += JSON.stringify(finished).length;
  },
};
const samples = await interleave(cases, { rounds: 20, batch: 2000 });
const out = {};
for (const [name, s] of Object.entries(samples)) {
  out[name] = {
    docsPerSec: 1000 / median(s),
    iqr: quartiles(s)
      .map((v) => 1000 / v)
      .reverse(),
  };
}
report({ scenario: 'emf', results: out, sink });
