import { createErrorReportHandler, createWebVitalsHandler } from '@usermetrics/node';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDashboards } from '../src/dashboards/build-dashboards';
import { INSIGHTS } from '../src/dashboards/logs-insights';
import { createLogForwarder } from './log-forwarder';
import { startOpenSearchStandIn } from './test/opensearch-stand-in';
import { dataMessage, logEvent, subscriptionEvent } from './test/subscription-event';

// The whole log path with the real producers: the ingestion handlers of @usermetrics/node write their lines,
// the forwarder indexes them, and the dashboards' queries must find the fields they ask for.

const ORIGIN = 'https://app.example.com';
const SESSION = '0190b6c2-7b6c-7c4e-9f3a-2b1c0d9e8f7a';

function apiEvent(path: string, body: unknown) {
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    requestContext: { http: { method: 'POST', path, sourceIp: '203.0.113.9' }, requestId: 'api-req-1' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/** Lines exactly as the two ingestion Lambdas write them to stdout (so to their log groups). */
async function producedLines(): Promise<string[]> {
  const chunks: string[] = [];
  const stdout = { write: (s: string) => void chunks.push(s) };
  const common = { stdout, environment: 'production', routes: ['/users/:id'], allowedOrigins: [ORIGIN] };
  const errors = createErrorReportHandler({ ...common, functionName: 'usermetrics-errors' });
  const vitals = createWebVitalsHandler({ ...common, functionName: 'usermetrics-vitals' });
  const at = new Date().toISOString();
  const r1 = await errors(
    apiEvent('/errors/report', {
      error: {
        type: 'TypeError',
        message: 'x is undefined',
        stack: 'TypeError: x is undefined\n    at f (a.js:1:2)',
      },
      context: {
        url: 'https://app.example.com/users/42',
        route: '/users/:id',
        sessionId: SESSION,
        timestamp: at,
      },
    }),
    { awsRequestId: 'req-errors-1' },
  );
  const r2 = await vitals(
    apiEvent('/metrics/web-vitals', {
      sessionId: SESSION,
      metrics: [
        {
          name: 'LCP',
          value: 1250,
          rating: 'good',
          url: 'https://app.example.com/users/42',
          route: '/users/:id',
          timestamp: at,
        },
      ],
    }),
    { awsRequestId: 'req-vitals-1' },
  );
  expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l !== '');
}

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix.slice(0, -1)];
  return Object.entries(value).flatMap(([k, v]) => flatKeys(v, `${prefix}${k}.`));
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('log pipeline: @usermetrics/node → forwarder → dashboards', () => {
  it('gives the Logs Insights queries the record fields they read, and the rating mix its EMF fields', async () => {
    const lines = (await producedLines()).map((l) => JSON.parse(l) as Record<string, unknown>);
    const record = lines.find((l) => l.level === 'ERROR');
    const emf = lines.find((l) => '_aws' in l && 'LargestContentfulPaint' in l);

    const recordFields = new Set(flatKeys(record));
    const queried = Object.values(INSIGHTS)
      .join('\n')
      .match(
        /\b(?:level|message|functionName|requestId|sessionId|error\.name|error\.message|context\.route|context\.errorId)\b/g,
      );
    expect(queried?.length).toBeGreaterThan(0);
    for (const field of new Set(queried)) expect(recordFields, field).toContain(field);
    // traceId joins the record once the node package writes it (#12 item 3); until then the query finds none.
    expect(emf).toMatchObject({ rating: 'good', environment: 'production' });
  });

  it('indexes what the handlers log, skips their EMF, and has every field the OpenSearch panels use', async () => {
    const standIn = await startOpenSearchStandIn();
    close = standIn.close;
    const lines = await producedLines();
    expect(lines.some((l) => l.includes('"_aws"'))).toBe(true);
    const report =
      'REPORT RequestId: req-errors-1\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\t';
    const forwarder = createLogForwarder({
      endpoint: standIn.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      logDestination: { write: () => undefined },
    });

    const result = await forwarder.handle(
      subscriptionEvent(
        dataMessage(
          [...lines, report].map((l) => logEvent(`${l}\n`)),
          '/aws/lambda/usermetrics-errors',
        ),
      ),
    );

    const docs = standIn.documents().map((d) => d.source);
    expect(result.skipped).toBe(lines.filter((l) => l.includes('"_aws"')).length);
    expect(docs.some((d) => '_aws' in d)).toBe(false);
    expect(docs.find((d) => d.level === 'ERROR')).toMatchObject({
      functionName: 'usermetrics-errors',
      sessionId: SESSION,
      error: { name: 'TypeError' },
      context: { route: '/users/:id' },
    });
    const present = new Set(docs.flatMap((d) => flatKeys(d)));
    const logAnalysis = buildDashboards()['log-analysis.json'] as unknown as {
      panels: {
        targets?: {
          datasource?: { type?: string };
          query?: string;
          metrics?: { field?: string }[];
          bucketAggs?: { field?: string }[];
        }[];
      }[];
    };
    const used = new Set<string>();
    for (const t of logAnalysis.panels.flatMap((p) => p.targets ?? [])) {
      if (t.datasource?.type !== 'grafana-opensearch-datasource') continue;
      for (const a of [...(t.metrics ?? []), ...(t.bucketAggs ?? [])]) if (a.field) used.add(a.field);
      for (const m of (t.query ?? '').matchAll(/([A-Za-z][\w.]*):/g)) used.add(m[1] as string);
    }
    // initDurationMs appears on cold starts only; the REPORT here is a warm one.
    used.delete('initDurationMs');
    expect([...used].filter((f) => !present.has(f))).toEqual([]);
  });
});
