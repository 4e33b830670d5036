// Shared helpers of the benchmark scripts of @usermetrics/node and @usermetrics/middy. Every scenario runs in a fresh process whose stdout goes to
// /dev/null (the runner arranges it); results travel back over the IPC channel, never through stdout.
import { performance } from 'node:perf_hooks';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Interquartile range as [p25, p75], to report the spread next to each median. */
export function quartiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  return [at(0.25), at(0.75)];
}

/**
 * Runs every case for `rounds` rounds, interleaved (case A, B, C, A, B, C, …) so that machine noise hits
 * all cases alike; each sample is the mean time per op over `batch` ops. Returns per-case sample arrays.
 */
export async function interleave(cases, { rounds, batch, warmupRounds = 3, async = false }) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < warmupRounds + rounds; r++) {
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      if (async) for (let i = 0; i < batch; i++) await fn(i);
      else for (let i = 0; i < batch; i++) fn(i);
      const perOpMs = (performance.now() - t0) / batch;
      if (r >= warmupRounds) samples[name].push(perOpMs);
    }
  }
  return samples;
}

/** Sends the result to the runner (or prints it to stderr when run by hand) and exits. */
export function report(result) {
  if (process.send) process.send(result, () => process.exit(0));
  else {
    process.stderr.write(JSON.stringify(result, null, 2) + '\n');
    process.exit(0);
  }
}

/** A Lambda context for benchmarks: plenty of remaining time, so the timeout timer is armed and cleared. */
export function benchContext(i) {
  return {
    awsRequestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    functionName: 'bench-fn',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench-fn',
    memoryLimitInMB: '512',
    logGroupName: '/aws/lambda/bench-fn',
    logStreamName: '2026/11/26/[$LATEST]abc',
    getRemainingTimeInMillis: () => 30_000,
  };
}

/** An API Gateway HTTP API (v2) event as AWS delivers it. */
export const httpEvent = {
  version: '2.0',
  routeKey: 'GET /users/{id}',
  rawPath: '/users/42',
  rawQueryString: '',
  headers: {
    host: 'api.example.com',
    'x-session-id': '0190a3c2-6f1e-7b2a-9c4d-1234567890ab',
    'user-agent': 'bench',
  },
  requestContext: {
    accountId: '123456789012',
    apiId: 'abc',
    http: {
      method: 'GET',
      path: '/users/42',
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.7',
      userAgent: 'bench',
    },
    requestId: 'r',
    routeKey: 'GET /users/{id}',
    stage: '$default',
    timeEpoch: 0,
  },
  pathParameters: { id: '42' },
  isBase64Encoded: false,
};
