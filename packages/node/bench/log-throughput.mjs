// (d) Log lines per second to stdout (/dev/null): a DESIGN §4 record with context. Fairness: plain pino gets
// the same synchronous sonic-boom destination and the same record shape (functionName binding, ISO
// timestamp, uppercase level, `context` member); usermetrics additionally redacts message and context.
import { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '@usermetrics/node';
import { interleave, median, quartiles, report } from '@usermetrics/test-support/bench-lib';
import pino from 'pino';

const context = {
  orderId: 'o-12345',
  items: 3,
  total: 99.5,
  customer: { id: 'c-77', plan: 'pro' },
  tags: ['a', 'b'],
};
const ours = createLogger('bench-fn');
const levels = { info: 'INFO' };
const plain = pino(
  {
    base: { functionName: 'bench-fn' },
    messageKey: 'message',
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: { level: (l) => ({ level: levels[l] ?? l }) },
  },
  pino.destination({ dest: 1, sync: true }),
);
const powertools = new Logger({ serviceName: 'bench-fn' });

const cases = {
  usermetrics: () => ours.info('order placed', context),
  pino: () => plain.info({ context }, 'order placed'),
  powertools: () => powertools.info('order placed', { context }),
};
const samples = await interleave(cases, { rounds: 30, batch: 1000 });
const out = {};
for (const [name, s] of Object.entries(samples)) {
  out[name] = {
    linesPerSec: 1000 / median(s),
    iqr: quartiles(s)
      .map((v) => 1000 / v)
      .reverse(),
    // Rounds are interleaved, so round r of every logger ran under the same machine load: the median of
    // the per-round ratios is steadier on a shared machine than the ratio of the two medians.
    pairedVsPino: median(s.map((v, r) => samples.pino[r] / v)),
  };
}
report({ scenario: 'logs', results: out });
