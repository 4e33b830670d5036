import { describe, expect, it } from 'vitest';
import { optionsFromEnv, sourceMapsFromEnv } from '../handlers/options-from-env';
import { accessLogFormat, stageThrottle } from '../infra/access-log';
import { connectionsThreshold, errorRate, errorRateQueries } from '../infra/alarm-math';
import { resolveConfig, retentionKey, s3Location, subnetLayout } from '../infra/config';
import { baseTags, tagTransformation } from '../infra/tags';
import { withConstants } from '../src/dashboards/with-constants';

describe('resolveConfig', () => {
  it('retention 90 days in prod, 7 elsewhere; personal stages get dev values', () => {
    expect(resolveConfig('prod').logRetentionDays).toBe(90);
    expect(resolveConfig('dev').logRetentionDays).toBe(7);
    expect(resolveConfig('staging').logRetentionDays).toBe(7);
    expect(resolveConfig('alice').logRetentionDays).toBe(7);
  });
  it('merges nested overrides over defaults', () => {
    const c = resolveConfig('dev', { umami: { maxTasks: 5 } });
    expect(c.umami).toMatchObject({ maxTasks: 5, cpu: '0.25 vCPU', memory: '0.5 GB' });
  });
  it('refuses * CORS in prod, non-origins, bad retention, unpinned images, and a non-/24 VPC', () => {
    expect(() => resolveConfig('prod', { corsOrigins: ['*'] })).toThrow(/no "\*" in prod/);
    expect(() => resolveConfig('dev', { corsOrigins: ['https://a.example.com/path'] })).toThrow(
      /not an origin/,
    );
    expect(() => resolveConfig('dev', { logRetentionDays: 8 })).toThrow(/not a CloudWatch value/);
    expect(() => resolveConfig('dev', { umami: { image: 'ghcr.io/umami-software/umami:latest' } })).toThrow(
      /pin a version/,
    );
    expect(() => resolveConfig('dev', { umami: { passwordRotationDays: 0 } })).toThrow(
      /passwordRotationDays/,
    );
    expect(resolveConfig('prod').umami.passwordRotationDays).toBe(30);
    expect(() => resolveConfig('dev', { vpcCidr: '10.0.0.0/16' })).toThrow(/10\.x\.y\.0\/24/);
    expect(() => resolveConfig('dev', { corsOrigins: ['*'] })).not.toThrow();
  });
});

describe('builders', () => {
  it('subnetLayout splits a /24 into two public /27s and two private /26s', () => {
    expect(subnetLayout('10.3.7.0/24')).toEqual({
      public: ['10.3.7.0/27', '10.3.7.32/27'],
      private: ['10.3.7.64/26', '10.3.7.128/26'],
    });
  });
  it('retentionKey maps days to SST durations', () => {
    expect(retentionKey(7)).toBe('1 week');
    expect(retentionKey(90)).toBe('3 months');
    expect(() => retentionKey(8)).toThrow();
  });
  it('the access-log format is JSON once API Gateway substitutes values', () => {
    const line = accessLogFormat().replace(/\$context\.[A-Za-z.]+/g, '42');
    expect(JSON.parse(line)).toMatchObject({ status: 42, requestId: '42' });
  });
  it('the kill switch throttles the stage to zero', () => {
    const cfg = resolveConfig('dev');
    expect(stageThrottle(cfg)).toEqual({ throttlingRateLimit: 50, throttlingBurstLimit: 100 });
    expect(stageThrottle({ ...cfg, trackingEnabled: false })).toEqual({
      throttlingRateLimit: 0,
      throttlingBurstLimit: 0,
    });
  });
  it('error-rate metric math: 100 × errors / invocations, 0 without invocations', () => {
    const q = errorRateQueries('fn');
    expect(q.map((x) => x.id)).toEqual(['errors', 'invocations', 'errorRate']);
    expect(q[2]).toMatchObject({
      expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
      returnData: true,
    });
    expect(errorRate(3, 50)).toBe(6);
    expect(errorRate(0, 0)).toBe(0);
    expect(connectionsThreshold(90, 80)).toBe(72);
  });
  it('the tag transformation tags taggable types only, inner tags winning', () => {
    const t = tagTransformation({ ...baseTags('dev', 'me'), Component: 'Umami', Function: 'Analytics' });
    const tagged = t({
      type: 'aws:s3/bucket:Bucket',
      name: 'b',
      props: { tags: { Function: 'Storage' } },
      opts: {},
    });
    expect(tagged?.props.tags).toEqual({
      Project: 'UserMetrics',
      Environment: 'dev',
      ManagedBy: 'SST',
      CostCenter: 'Observability',
      Owner: 'me',
      Component: 'Umami',
      Function: 'Storage',
    });
    expect(t({ type: 'aws:s3/bucketPolicy:BucketPolicy', name: 'p', props: {}, opts: {} })).toBeUndefined();
  });
  it('handler options come from the environment', () => {
    expect(
      optionsFromEnv({
        USERMETRICS_ALLOWED_ORIGINS: 'https://a.example.com, https://b.example.com',
        USERMETRICS_ENVIRONMENT: 'prod',
        USERMETRICS_ROUTES: '/users/:id',
      }),
    ).toEqual({
      allowedOrigins: ['https://a.example.com', 'https://b.example.com'],
      environment: 'prod',
      routes: ['/users/:id'],
    });
    expect(optionsFromEnv({})).toEqual({ allowedOrigins: [], environment: undefined, routes: [] });
  });
  it('the error-report Lambda symbolicates from the source-map bucket only when the app passes one', () => {
    expect(sourceMapsFromEnv({ SOURCEMAP_BUCKET: 'maps', SOURCEMAP_PREFIX: 'web/' })).toEqual({
      bucket: 'maps',
      prefix: 'web/',
    });
    expect(sourceMapsFromEnv({ SOURCEMAP_BUCKET: 'maps' })).toEqual({ bucket: 'maps' });
    expect(sourceMapsFromEnv({})).toBeUndefined();
    expect(sourceMapsFromEnv({ SOURCEMAP_BUCKET: ' ' })).toBeUndefined();
  });
});

describe('cost report (Athena over the CUR)', () => {
  const good = {
    workgroup: 'primary',
    database: 'cur',
    table: 'cur2',
    dataLocation: 's3://my-cur/exports/cur2/',
    outputLocation: 's3://my-athena-results/',
  };
  it('is off by default and validated when set', () => {
    expect(resolveConfig('dev').costReport).toBeUndefined();
    expect(resolveConfig('dev', { costReport: good }).costReport).toEqual(good);
    expect(() =>
      resolveConfig('dev', {
        costReport: {
          ...good,
          database: 'Cur-DB',
          dataLocation: 's3://my-cur/no-slash',
          outputLocation: 'my-bucket',
        },
      }),
    ).toThrow(/costReport\.database[\s\S]*costReport\.dataLocation[\s\S]*costReport\.outputLocation/);
  });
  it('s3Location splits bucket and prefix', () => {
    expect(s3Location('s3://my-cur/exports/cur2/')).toEqual({ bucket: 'my-cur', prefix: 'exports/cur2/' });
    expect(s3Location('s3://my-athena-results/')).toEqual({ bucket: 'my-athena-results', prefix: '' });
    expect(s3Location('s3://my-cur/exports')).toBeUndefined();
  });
  it('withConstants sets hidden constants and leaves everything else alone', () => {
    const board = JSON.stringify({
      templating: {
        list: [
          { type: 'constant', name: 'curDatabase', query: 'cur' },
          { type: 'constant', name: 'other', query: 'x' },
          { type: 'datasource', name: 'curTable', query: 'grafana-athena-datasource' },
        ],
      },
    });
    const out = JSON.parse(withConstants(board, { curDatabase: 'billing', curTable: 't' }));
    expect(out.templating.list[0]).toMatchObject({ query: 'billing', current: { value: 'billing' } });
    expect(out.templating.list[1]).toEqual({ type: 'constant', name: 'other', query: 'x' });
    expect(out.templating.list[2].query).toBe('grafana-athena-datasource');
    expect(withConstants(board, {})).toBe(board);
  });
});
