// Every stage-dependent value of the reference deployment, in one typed module. `resolveConfig(stage)` merges the
// defaults with the stage's overrides and validates the result; components read nothing else. Edit STAGES (or pass
// overrides) to adapt the reference to your account. Pure: no SST globals, so it is unit-tested directly.

export type StageName = 'dev' | 'staging' | 'prod';

export interface TaskSize {
  /** Fargate CPU, e.g. `0.25 vCPU`. */
  cpu: '0.25 vCPU' | '0.5 vCPU' | '1 vCPU' | '2 vCPU';
  /** Fargate memory, e.g. `0.5 GB`. */
  memory: `${number} GB`;
  /** Auto-scaling bounds (tasks). */
  minTasks: number;
  maxTasks: number;
  /** Target CPU utilisation (%) of the auto-scaling policy. */
  targetCpuPercent: number;
  /** Run on Fargate Spot (cheaper, can be interrupted): the default outside prod. */
  spot: boolean;
}

/** The application's existing Aurora PostgreSQL cluster; Umami uses schema `umami` in it (see sql/). */
export interface AuroraConfig {
  /** Cluster identifier, for the CPU/connections alarms. */
  clusterIdentifier: string;
  endpoint: string;
  port: number;
  database: string;
  /** Security group of the cluster: Umami's tasks get an ingress rule on `port`. */
  securityGroupId?: string;
}

/**
 * The Cost and Usage Report (CUR 2.0) as Athena sees it, for the Cost dashboard's Athena panels. The stack
 * creates only Grafana's Athena data source and the IAM to use it; the CUR export, its bucket, the Glue database
 * and table (AWS's CUR crawler / CloudFormation template) and the Athena workgroup must exist already.
 */
export interface CostReportConfig {
  /** Athena workgroup the queries run in (e.g. `primary`). */
  workgroup: string;
  /** Glue database and table of the CUR export (the dashboard's `curDatabase` / `curTable`). */
  database: string;
  table: string;
  /** Where the CUR export writes: `s3://bucket/prefix/` (read-only for Grafana). */
  dataLocation: string;
  /** Where Athena writes query results for Grafana: `s3://bucket/prefix/` (read-write for Grafana, there only). */
  outputLocation: string;
}

export interface StageConfig {
  stage: string;
  region: string;
  /** `Owner` tag: an e-mail or team name. */
  owner: string;
  /** Alarm and budget notifications go here. */
  alarmEmail: string;
  /** Days every log group keeps its events (CloudWatch only accepts certain values; 7 and 90 are among them). */
  logRetentionDays: number;
  /** Export log groups to S3 before retention drops them (long-term storage, #12). */
  logExport: boolean;
  /** Browser origins allowed to call the ingestion API. Never `*` in prod. */
  corsOrigins: string[];
  /** Route patterns accepted as the `route` metric dimension (see @usermetrics/node `routes`). */
  routes: string[];
  /** API Gateway stage throttling (whole API): steady requests/second and burst. */
  throttle: { rateLimit: number; burstLimit: number };
  /** Per-IP limit of the WAF rate-based rule in front of the API, requests per 5 minutes. */
  perIpRequestsPer5Min: number;
  /**
   * Kill switch: `false` turns the tracking endpoints off (API stage throttled to 0, so API Gateway answers 429
   * without invoking a Lambda) with an infra deploy only, no app redeploy. The browser SDK treats 429 as "later".
   */
  trackingEnabled: boolean;
  /** X-Ray active tracing on the ingestion Lambdas and the API's CloudFront/WAF front. */
  tracing: boolean;
  /** The VPC: a 10.x.x.0/24 split into two public /27s and two private /26s over two AZs, one NAT gateway. */
  vpcCidr: string;
  lambda: { memoryMb: number; timeoutSeconds: number };
  /**
   * Umami's image (v2.19.0's Dockerfile runs `pnpm start-docker`, which services.ts wraps) and how often Secrets
   * Manager rotates its database password (days; AWS's single-user PostgreSQL rotation function).
   */
  umami: TaskSize & { image: string; passwordRotationDays: number };
  openreplay: TaskSize & { version: string };
  /** The application's Aurora cluster; without it, Umami and the Aurora alarms are not created. */
  aurora?: AuroraConfig;
  /** Secrets Manager ARN of the Aurora admin secret (rotation is attached to the Umami secret, not this one). */
  auroraMasterSecretArn?: string;
  budget: { monthlyUsd: number; thresholdsPercent: number[] };
  alarms: {
    errorRatePercent: number;
    p95DurationMs: number;
    lcpP75Ms: number;
    auroraCpuPercent: number;
    /** Alarm when connections exceed this share (%) of `auroraMaxConnections`. */
    auroraConnectionsPercent: number;
    auroraMaxConnections: number;
  };
  /** The existing OpenSearch domain logs are forwarded to (#12). Endpoint with scheme. */
  opensearch: { endpoint: string; domainArn: string; indexPrefix: string };
  /** Names of the application's own Lambda log groups to forward to OpenSearch, e.g. `/aws/lambda/app-prod-api`. */
  instrumentedLogGroups: string[];
  /** Athena data source over the CUR for the Cost dashboard; off (undefined) by default. */
  costReport?: CostReportConfig;
  /** IAM Identity Center group ids that get Grafana Admin / Viewer. */
  grafana: { adminGroupIds: string[]; viewerGroupIds: string[] };
  /** Prefix under which `@usermetrics/vite` uploads source maps to the source-map bucket. */
  sourcemapPrefix: string;
  /** Days replay recordings are kept. */
  replayRetentionDays: number;
}

export type Overrides = {
  [K in keyof StageConfig]?: StageConfig[K] extends object ? Partial<StageConfig[K]> : StageConfig[K];
};

/** Defaults: the reference's sizing for fewer than 100 users (project brief, "Infrastructure Sizing"). */
export const DEFAULTS: Omit<StageConfig, 'stage'> = {
  region: 'us-east-1',
  owner: 'engineering@example.com',
  alarmEmail: 'alerts@example.com',
  logRetentionDays: 7,
  logExport: false,
  corsOrigins: ['http://localhost:5173'],
  routes: [],
  throttle: { rateLimit: 50, burstLimit: 100 },
  perIpRequestsPer5Min: 5000,
  trackingEnabled: true,
  tracing: false,
  vpcCidr: '10.0.0.0/24',
  lambda: { memoryMb: 256, timeoutSeconds: 10 },
  umami: {
    image: 'ghcr.io/umami-software/umami:postgresql-v2.19.0',
    passwordRotationDays: 30,
    cpu: '0.25 vCPU',
    memory: '0.5 GB',
    minTasks: 1,
    maxTasks: 2,
    targetCpuPercent: 70,
    spot: true,
  },
  openreplay: {
    version: 'v1.28.0',
    cpu: '0.5 vCPU',
    memory: '1 GB',
    minTasks: 1,
    maxTasks: 2,
    targetCpuPercent: 70,
    spot: true,
  },
  budget: { monthlyUsd: 150, thresholdsPercent: [80, 100] },
  alarms: {
    errorRatePercent: 5,
    p95DurationMs: 1000,
    lcpP75Ms: 2500,
    auroraCpuPercent: 70,
    auroraConnectionsPercent: 80,
    auroraMaxConnections: 90,
  },
  opensearch: {
    endpoint: 'https://search-app-logs.us-east-1.es.amazonaws.com',
    domainArn: 'arn:aws:es:us-east-1:123456789012:domain/app-logs',
    indexPrefix: 'usermetrics-logs',
  },
  instrumentedLogGroups: [],
  grafana: { adminGroupIds: [], viewerGroupIds: [] },
  sourcemapPrefix: 'sourcemaps/',
  replayRetentionDays: 30,
};

/** Per-stage overrides of DEFAULTS. The example values are placeholders: put your account's here. */
export const STAGES: Record<StageName, Overrides> = {
  dev: {},
  staging: {
    corsOrigins: ['https://staging.app.example.com'],
    vpcCidr: '10.0.1.0/24',
  },
  prod: {
    logRetentionDays: 90,
    logExport: true,
    corsOrigins: ['https://app.example.com'],
    throttle: { rateLimit: 200, burstLimit: 400 },
    tracing: true,
    vpcCidr: '10.0.2.0/24',
    umami: { spot: false, maxTasks: 3 },
    openreplay: { spot: false, maxTasks: 3 },
    aurora: {
      clusterIdentifier: 'app-prod',
      endpoint: 'app-prod.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com',
      port: 5432,
      database: 'app',
      securityGroupId: 'sg-0123456789abcdef0',
    },
    auroraMasterSecretArn:
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-prod-aurora-admin-AbCdEf',
    instrumentedLogGroups: ['/aws/lambda/app-prod-api', '/aws/lambda/app-prod-worker'],
    costReport: {
      workgroup: 'primary',
      database: 'cur',
      table: 'cur2',
      dataLocation: 's3://example-cur-exports-123456789012/cur2/',
      outputLocation: 's3://example-athena-results-123456789012/grafana/',
    },
    grafana: {
      adminGroupIds: ['90670000-0000-0000-0000-000000000001'],
      viewerGroupIds: ['90670000-0000-0000-0000-000000000002'],
    },
  },
};

const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

function merge<T extends object>(base: T, over: Overrides | undefined): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over ?? {})) {
    if (v === undefined) continue;
    const b = (base as unknown as Record<string, unknown>)[k];
    out[k] =
      b && typeof b === 'object' && !Array.isArray(b) && typeof v === 'object' && !Array.isArray(v)
        ? { ...b, ...v }
        : v;
  }
  return out as unknown as T;
}

/** The config of `stage`: DEFAULTS, then STAGES[stage] (unknown stages — personal ones — get dev's), then `extra`. */
export function resolveConfig(stage: string, extra?: Overrides): StageConfig {
  const known = (STAGES as Record<string, Overrides>)[stage] ?? STAGES.dev;
  const cfg = merge(merge({ ...DEFAULTS, stage } as StageConfig, known), extra);
  validateConfig(cfg);
  return cfg;
}

export function isProduction(stage: string): boolean {
  return stage === 'prod' || stage === 'production';
}

/** Throws with every problem of `cfg` at once, so `sst deploy` stops before AWS is touched. */
export function validateConfig(cfg: StageConfig): void {
  const problems: string[] = [];
  if (isProduction(cfg.stage) && cfg.corsOrigins.some((o) => o.includes('*')))
    problems.push('corsOrigins: no "*" in prod');
  for (const o of cfg.corsOrigins) {
    if (o !== '*' && !/^https?:\/\/[^/\s]+$/.test(o))
      problems.push(`corsOrigins: "${o}" is not an origin (scheme://host[:port])`);
  }
  if (!RETENTION_DAYS.includes(cfg.logRetentionDays))
    problems.push(`logRetentionDays: ${cfg.logRetentionDays} is not a CloudWatch value`);
  try {
    subnetLayout(cfg.vpcCidr);
  } catch (e) {
    problems.push(`vpcCidr: ${(e as Error).message}`);
  }
  if (!/^https:\/\//.test(cfg.opensearch.endpoint))
    problems.push('opensearch.endpoint: needs the https:// scheme');
  for (const t of [cfg.umami, cfg.openreplay]) {
    if (t.minTasks < 0 || t.maxTasks < Math.max(1, t.minTasks))
      problems.push('task bounds: need 0 <= minTasks <= maxTasks, maxTasks >= 1');
  }
  const days = cfg.umami.passwordRotationDays;
  if (!Number.isInteger(days) || days < 1 || days > 1000)
    problems.push('umami.passwordRotationDays: a whole number of days, 1 to 1000 (Secrets Manager limits)');
  if (!/[:@]/.test(cfg.umami.image) || /:latest$/.test(cfg.umami.image))
    problems.push('umami.image: pin a version tag');
  if (!/^v\d+\.\d+\.\d+$/.test(cfg.openreplay.version))
    problems.push('openreplay.version: pin a version like v1.28.0');
  if (cfg.throttle.rateLimit <= 0 || cfg.throttle.burstLimit <= 0)
    problems.push('throttle: rate and burst must be > 0 (use trackingEnabled: false to turn the API off)');
  if (cfg.perIpRequestsPer5Min < 10) problems.push('perIpRequestsPer5Min: WAF needs at least 10');
  if (cfg.costReport) {
    const { database, table, workgroup, dataLocation, outputLocation } = cfg.costReport;
    for (const [k, v] of Object.entries({ database, table }))
      if (!/^[a-z0-9_]+$/.test(v)) problems.push(`costReport.${k}: a Glue name (a-z, 0-9, _)`);
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(workgroup))
      problems.push('costReport.workgroup: an Athena workgroup name');
    for (const [k, v] of Object.entries({ dataLocation, outputLocation }))
      if (!s3Location(v)) problems.push(`costReport.${k}: s3://bucket/prefix/ (ending in /)`);
  }
  if (problems.length)
    throw new Error(`infra-reference config for stage "${cfg.stage}":\n- ${problems.join('\n- ')}`);
}

/** `s3://bucket/prefix/` → bucket and prefix (`''` for the whole bucket), or undefined when malformed. */
export function s3Location(uri: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/((?:[^/]+\/)*)$/.exec(uri);
  return m ? { bucket: m[1] as string, prefix: m[2] as string } : undefined;
}

export interface SubnetLayout {
  public: [string, string];
  private: [string, string];
}

/**
 * The subnets of a 10.x.y.0/24: public 10.x.y.0/27 and .32/27 (NAT, ALBs), private .64/26 and .128/26 (Fargate
 * tasks), .192/26 left free — the brief's recommendation.
 */
export function subnetLayout(cidr: string): SubnetLayout {
  const m = /^10\.(\d{1,3})\.(\d{1,3})\.0\/24$/.exec(cidr);
  if (!m || Number(m[1]) > 255 || Number(m[2]) > 255) throw new Error(`"${cidr}" is not a 10.x.y.0/24`);
  const p = `10.${m[1]}.${m[2]}`;
  return { public: [`${p}.0/27`, `${p}.32/27`], private: [`${p}.64/26`, `${p}.128/26`] };
}

/** SST's duration key (`"1 week"`, `"3 months"`) for a number of days, as SST's `logging.retention` wants it. */
export function retentionKey(days: number): string {
  const keys: Record<number, string> = {
    1: '1 day',
    3: '3 days',
    5: '5 days',
    7: '1 week',
    14: '2 weeks',
    30: '1 month',
    60: '2 months',
    90: '3 months',
    120: '4 months',
    150: '5 months',
    180: '6 months',
    365: '1 year',
    400: '13 months',
    545: '18 months',
    731: '2 years',
    1096: '3 years',
    1827: '5 years',
    2192: '6 years',
    2557: '7 years',
    2922: '8 years',
    3288: '9 years',
    3653: '10 years',
  };
  const key = keys[days];
  if (!key) throw new Error(`no SST retention for ${days} days`);
  return key;
}
