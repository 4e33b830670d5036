import type { CloudWatchLogEvent } from './decode-subscription';

/** One document of a bulk request: where it goes, under which id, and its body. */
export interface BulkDocument {
  index: string;
  id: string;
  source: Record<string, unknown>;
}

/** Where the events of one subscription payload came from. */
export interface LogOrigin {
  logGroup: string;
  logStream: string;
}

/** Lambda REPORT line labels → document fields (all numbers). */
const REPORT_NUMBERS: Record<string, string> = {
  Duration: 'durationMs',
  'Billed Duration': 'billedDurationMs',
  'Memory Size': 'memorySizeMb',
  'Max Memory Used': 'maxMemoryUsedMb',
  'Init Duration': 'initDurationMs',
};

/**
 * Turns one CloudWatch log event into the document to index, or `undefined` when the line is not a log:
 * EMF documents (they carry `_aws`) are metrics, and Lambda's START/END lines carry nothing REPORT lacks.
 *
 * - a structured line (the DESIGN §4 log record: a JSON object with string `level` and `message`) keeps its
 *   fields as fields;
 * - a REPORT line becomes numbers (durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb,
 *   initDurationMs when present) plus its requestId, X-Ray traceId and status when Lambda wrote them;
 * - Lambda's JSON log format gets the same treatment: `platform.start`/`platform.runtimeDone` are skipped
 *   and `platform.report` becomes the REPORT numbers;
 * - any other line is `{ message: <raw line>, raw: true }`.
 *
 * Every document also gets `logGroup`, `logStream`, a `timestamp`, and `functionName` when the log group
 * is a Lambda's. The index is daily by the event's CloudWatch timestamp and the `_id` is the event id, so
 * a redelivered batch overwrites what it wrote before instead of duplicating it.
 */
export function toDocument(
  event: CloudWatchLogEvent,
  origin: LogOrigin,
  indexPrefix: string,
): BulkDocument | undefined {
  const line = event.message.replace(/\r?\n$/, '');
  const eventTime = new Date(event.timestamp);
  const base: Record<string, unknown> = {
    timestamp: eventTime.toISOString(),
    logGroup: origin.logGroup,
    logStream: origin.logStream,
  };
  const fn = lambdaFunctionName(origin.logGroup);
  if (fn !== undefined) base.functionName = fn;

  let source: Record<string, unknown>;
  const record = parseJsonObject(line);
  if (record !== undefined) {
    if ('_aws' in record) return undefined;
    const platform = platformEvent(record);
    if (platform === 'skip') return undefined;
    if (platform !== undefined) source = { ...base, ...platform, message: line, report: true };
    else if (isLogRecord(record)) source = { ...base, ...record, ...originOf(base) };
    else source = { ...base, message: line, raw: true };
    if (typeof source.timestamp !== 'string' || Number.isNaN(Date.parse(source.timestamp))) {
      source.timestamp = base.timestamp;
    }
  } else if (line.startsWith('START RequestId:') || line.startsWith('END RequestId:')) {
    return undefined;
  } else if (line.startsWith('REPORT RequestId:')) {
    source = { ...base, ...parseReport(line), message: line, report: true };
  } else {
    source = { ...base, message: line, raw: true };
  }
  return { index: `${indexPrefix}-${dailySuffix(eventTime)}`, id: event.id, source };
}

/** `REPORT RequestId: …\tDuration: 1.23 ms\t…` → numbers; the line's format is Lambda's, tab-separated. */
export function parseReport(line: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const segment of line.split(/[\t\n]+/)) {
    const m = /^\s*(?:REPORT\s+)?(?:XRAY\s+)?([A-Za-z][A-Za-z ]*?):\s*(.*?)\s*$/.exec(segment);
    if (!m) continue;
    const [, label = '', value = ''] = m;
    const field = REPORT_NUMBERS[label];
    if (field !== undefined) {
      const n = Number.parseFloat(value);
      if (Number.isFinite(n)) out[field] = n;
    } else if (label === 'RequestId') out.requestId = value;
    else if (label === 'TraceId') out.traceId = value;
    else if (label === 'Status') out.status = value;
  }
  return out;
}

/** Lambda's JSON log format (LoggingConfig `JSON`): platform events instead of START/END/REPORT text lines. */
const JSON_REPORT_METRICS: Record<string, string> = {
  durationMs: 'durationMs',
  billedDurationMs: 'billedDurationMs',
  memorySizeMB: 'memorySizeMb',
  maxMemoryUsedMB: 'maxMemoryUsedMb',
  initDurationMs: 'initDurationMs',
};

/**
 * `platform.start` / `platform.runtimeDone` (START and END in JSON form) → skip; `platform.report` → the
 * same fields as a text REPORT line; anything else → undefined (not a platform event this cares about).
 */
function platformEvent(value: Record<string, unknown>): 'skip' | Record<string, string | number> | undefined {
  if (value.type === 'platform.start' || value.type === 'platform.runtimeDone') return 'skip';
  if (value.type !== 'platform.report') return undefined;
  const record = (value.record ?? {}) as {
    requestId?: unknown;
    status?: unknown;
    metrics?: Record<string, unknown>;
    tracing?: { value?: unknown };
  };
  const out: Record<string, string | number> = {};
  if (typeof record.requestId === 'string') out.requestId = record.requestId;
  if (typeof record.status === 'string') out.status = record.status;
  for (const [from, to] of Object.entries(JSON_REPORT_METRICS)) {
    const n = record.metrics?.[from];
    if (typeof n === 'number' && Number.isFinite(n)) out[to] = n;
  }
  const root =
    typeof record.tracing?.value === 'string' ? /Root=([^;]+)/.exec(record.tracing.value)?.[1] : undefined;
  if (root !== undefined) out.traceId = root;
  return out;
}

function originOf(base: Record<string, unknown>): Record<string, unknown> {
  return { logGroup: base.logGroup, logStream: base.logStream };
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isLogRecord(value: Record<string, unknown>): boolean {
  return typeof value.level === 'string' && typeof value.message === 'string';
}

function lambdaFunctionName(logGroup: string): string | undefined {
  const prefix = '/aws/lambda/';
  return logGroup.startsWith(prefix) && logGroup.length > prefix.length
    ? logGroup.slice(prefix.length)
    : undefined;
}

function dailySuffix(d: Date): string {
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${d.getUTCFullYear()}.${mm}.${dd}`;
}
