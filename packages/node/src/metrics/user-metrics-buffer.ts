import { EMF_LIMITS, EMF_UNIT_SET as UNITS } from '../emf/limits';
import { type CompiledDocument, compileDocument, type MetricValue } from '../emf/serialize-emf';
import { defaultStdout, type LineSink } from '../io/stdout';
import { emitThroughLibrary, resolveEmitter } from './emit-user-metrics';

/** Where one buffer's metrics go and which dimensions they get by default. */
export interface UserMetricsConfig {
  namespace: string;
  /** Used when `metrics.add` is called without dimensions. */
  defaultDimensions: Record<string, string>;
  /** When set, documents are written here instead of the environment's own destination. */
  stdout?: LineSink;
}

/** The samples of one metric name within one dimension record. @internal */
export interface BufferedMetric {
  /** The unit of the first sample wins, as in aws-embedded-metrics. */
  unit: string;
  values: number[];
}

/** Everything buffered for one distinct dimension record: what one EMF document (or one split) carries. */
export interface BufferedRecord {
  /** The record's identity (its dimensions as JSON): part of the compiled-shape cache key. */
  key: string;
  /** ≤ 30 keys, sorted. */
  dimensions: Record<string, string>;
  metrics: Map<string, BufferedMetric>;
  /** Epoch ms of the record's first sample (aws-embedded-metrics stamps a context when it is created). */
  timestamp: number;
}

/** Per-invocation (or process-wide, outside invocations) collection of user metrics, as plain data. @internal */
export interface UserMetricsBuffer {
  readonly config: UserMetricsConfig;
  /** Written as properties (not dimensions) on every document, for correlation with the log lines. */
  readonly properties: Record<string, string>;
  /** One entry per distinct dimension record, keyed by its JSON. */
  readonly records: Map<string, BufferedRecord>;
  adds: number;
}

/** Calls of `metrics.add` kept per buffer; a runaway loop must not eat the function's memory. */
export const MAX_ADDS_PER_BUFFER = 10_000;
const {
  maxName: MAX_NAME,
  maxDimensionValue: MAX_DIMENSION_VALUE,
  maxDimensionKey: MAX_DIMENSION_KEY,
} = EMF_LIMITS;
// The rules aws-embedded-metrics' validator enforces (it throws on the rest): samples it would refuse are
// refused here up front, so both output paths keep exactly the same samples.
// ASCII as a code-unit range, not `\p{ASCII}` with the u flag: the same test, without compiling a Unicode
// property regex on the first `metrics.add` (about 4 ms of a cold start).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000 on purpose
const ASCII = /^[\u0000-\u007f]+$/;
const VALID_NAMESPACE = /^(?=.*\S)[a-zA-Z0-9 ._#:/-]+$/;

export function createBuffer(
  config: UserMetricsConfig,
  properties: Record<string, string> = {},
): UserMetricsBuffer {
  return { config, properties, records: new Map(), adds: 0 };
}

/**
 * Adds one sample as plain data. Each distinct dimension record collects its own metrics (a document
 * carries one set of dimension values); a record over 30 keys is cut into 30-key records, each receiving
 * the sample, so every document stays within the EMF limit. Returns false when nothing was added.
 */
export function addToBuffer(
  buffer: UserMetricsBuffer,
  name: unknown,
  value: unknown,
  unit: unknown,
  dimensions: Record<string, unknown> | undefined,
): boolean {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME || name.trim() === '')
    return false;
  if (name === '_aws') return false;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return false;
  if (buffer.adds >= MAX_ADDS_PER_BUFFER || !isNamespace(buffer.config.namespace)) return false;
  const record = cleanRecord(dimensions ?? buffer.config.defaultDimensions);
  // A metric named like one of its dimension keys would overwrite the dimension value in the document.
  if (record === undefined || Object.hasOwn(record.dimensions, name)) return false;
  buffer.adds++;
  const safeUnit = typeof unit === 'string' && UNITS.has(unit) ? unit : 'None';
  for (const { key, dimensions: part } of record.parts) {
    let entry = buffer.records.get(key);
    if (entry === undefined) {
      entry = { key, dimensions: part, metrics: new Map(), timestamp: Date.now() };
      buffer.records.set(key, entry);
    }
    const metric = entry.metrics.get(name);
    if (metric === undefined) entry.metrics.set(name, { unit: safeUnit, values: [value] });
    else metric.values.push(value);
  }
  return true;
}

/**
 * Writes every buffered metric and empties the buffer. Unless `AWS_EMF_ENVIRONMENT` names a library
 * environment (see {@link resolveEmitter}) the documents are serialized here and written synchronously, so
 * the result is `undefined`; otherwise the library is loaded on first use and the returned promise settles
 * when it has flushed; that promise never rejects. A failing stdout throws here, to the entry point's one
 * guard (`metrics.flush`, the wrapper's finish).
 */
export function flushBuffer(buffer: UserMetricsBuffer): Promise<void> | undefined {
  const records = [...buffer.records.values()];
  buffer.records.clear();
  buffer.adds = 0;
  if (records.length === 0) return undefined;
  const { config, properties } = buffer;
  const emitter = config.stdout ? 'stdout' : resolveEmitter(process.env);
  if (emitter === 'library') return emitThroughLibrary(config.namespace, properties, records);
  writeDirect(
    config.namespace,
    emitter === 'lambda' ? { ...properties, ...lambdaProperties(properties) } : properties,
    records,
    config.stdout ?? defaultStdout(),
  );
  return undefined;
}

/** A compiled document and the metric sequence it was compiled for. */
interface Shape {
  namespace: string;
  names: string[];
  units: string[];
  document: CompiledDocument;
}
/** Compiled shapes by dimension record (a few per record); cleared when full. */
const shapes = new Map<string, Shape[]>();
const MAX_SHAPE_RECORDS = 1000;
const MAX_SHAPES_PER_RECORD = 4;

/**
 * Renders every record through its compiled shape and writes all documents in one synchronous write. A
 * handler flushes the same metrics with the same dimensions invocation after invocation, so the directive
 * and the dimension members are encoded once per process and a flush only appends values. Throws what
 * stdout throws: the entry point (`metrics.flush`, the wrapper's finish) guards.
 */
function writeDirect(
  namespace: string,
  properties: Record<string, string>,
  records: Iterable<BufferedRecord>,
  out: LineSink,
): void {
  let text = '';
  for (const record of records) {
    const values: MetricValue[] = [];
    for (const m of record.metrics.values())
      values.push(m.values.length === 1 ? (m.values[0] as number) : m.values);
    text += shapeOf(namespace, record).render(record.timestamp, values, properties);
  }
  if (text !== '') out.write(text);
}

function shapeOf(namespace: string, record: BufferedRecord): CompiledDocument {
  let list = shapes.get(record.key);
  if (list !== undefined) {
    for (const shape of list) if (sameShape(shape, namespace, record)) return shape.document;
  } else {
    if (shapes.size >= MAX_SHAPE_RECORDS) shapes.clear();
    list = [];
    shapes.set(record.key, list);
  }
  const names: string[] = [];
  const units: string[] = [];
  const metrics: { name: string; unit: string }[] = [];
  for (const [name, m] of record.metrics) {
    names.push(name);
    units.push(m.unit);
    metrics.push({ name, unit: m.unit });
  }
  const document = compileDocument({
    namespace,
    dimensionSets: [Object.keys(record.dimensions)],
    dimensions: record.dimensions,
    metrics,
  });
  if (list.length >= MAX_SHAPES_PER_RECORD) list.shift();
  list.push({ namespace, names, units, document });
  return document;
}

function sameShape(shape: Shape, namespace: string, record: BufferedRecord): boolean {
  if (shape.namespace !== namespace || shape.names.length !== record.metrics.size) return false;
  let i = 0;
  for (const [name, m] of record.metrics) {
    if (shape.names[i] !== name || shape.units[i] !== m.unit) return false;
    i++;
  }
  return true;
}

/**
 * The properties aws-embedded-metrics' Lambda environment adds to every document (its `configureContext`),
 * so that moving the Lambda path off the library changes nothing in the output.
 */
function lambdaProperties(existing: Record<string, string>): Record<string, string> {
  const env = process.env;
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value && !Object.hasOwn(existing, key)) out[key] = value;
  };
  put('executionEnvironment', env.AWS_EXECUTION_ENV);
  put('memorySize', env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  put('functionVersion', env.AWS_LAMBDA_FUNCTION_VERSION);
  put('logStreamId', env.AWS_LAMBDA_LOG_STREAM_NAME);
  const trace = env._X_AMZN_TRACE_ID;
  if (trace?.includes('Sampled=1')) put('traceId', trace);
  return out;
}

let lastNamespace: [string, boolean] = ['', false];
function isNamespace(namespace: string): boolean {
  if (lastNamespace[0] !== namespace)
    lastNamespace = [namespace, namespace.length <= MAX_NAME && VALID_NAMESPACE.test(namespace)];
  return lastNamespace[1];
}

/** A dimension record as validated once: its pairs, and its ≤ 30-key parts with their buffer keys. */
interface CleanRecord {
  dimensions: Record<string, string>;
  parts: { key: string; dimensions: Record<string, string> }[];
}
/** Validated records by their raw pairs: handlers pass the same few dimension records call after call. */
const records = new Map<string, CleanRecord | undefined>();
const MAX_RECORDS = 1000;

/**
 * {@link cleanDimensions} and the split, memoized on the raw pairs (length-prefixed, so no two records
 * share a key); a record holding anything but strings is validated on every call.
 */
function cleanRecord(dimensions: Record<string, unknown>): CleanRecord | undefined {
  // The same pairs as last time — the same object, or an inline literal written again (a handler adds its
  // metrics with the same dimensions): compared in place, no key built, nothing allocated.
  if (
    last !== undefined &&
    typeof dimensions === 'object' &&
    dimensions !== null &&
    samePairs(dimensions, last.pairs)
  )
    return last.record;
  let raw = '';
  const pairs: Record<string, string> = {};
  if (dimensions !== null && typeof dimensions === 'object') {
    for (const key in dimensions) {
      const value = dimensions[key];
      if (typeof value !== 'string' || !Object.hasOwn(dimensions, key)) return buildRecord(dimensions);
      raw += key.length + ':' + key + value.length + ':' + value;
      pairs[key] = value;
    }
  }
  let record = records.get(raw);
  if (record === undefined && !records.has(raw)) {
    record = buildRecord(dimensions);
    if (records.size >= MAX_RECORDS) records.clear();
    records.set(raw, record);
  }
  last = { pairs, record };
  return record;
}

let last: { pairs: Record<string, string>; record: CleanRecord | undefined } | undefined;

/** Own enumerable pairs equal to `pairs` (same keys, identical values), checked without allocating. */
function samePairs(dimensions: Record<string, unknown>, pairs: Record<string, string>): boolean {
  let count = 0;
  for (const key in dimensions) {
    if (pairs[key] !== dimensions[key] || !Object.hasOwn(dimensions, key)) return false;
    count++;
  }
  for (const _ in pairs) count--;
  return count === 0;
}

function buildRecord(dimensions: Record<string, unknown>): CleanRecord | undefined {
  const clean = cleanDimensions(dimensions);
  if (clean === undefined) return undefined;
  return {
    dimensions: clean,
    parts: splitRecord(clean).map((part) => ({ key: JSON.stringify(part), dimensions: part })),
  };
}

/** Valid pairs, keys sorted; `undefined` when a pair is one aws-embedded-metrics would refuse. */
function cleanDimensions(dimensions: Record<string, unknown>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (dimensions === null || typeof dimensions !== 'object') return out;
  for (const key of Object.keys(dimensions).sort()) {
    const v = dimensions[key];
    if (key.length > 0 && key.length <= MAX_NAME && key !== '_aws' && typeof v === 'string' && v.length > 0) {
      const value = v.length > MAX_DIMENSION_VALUE ? v.slice(0, MAX_DIMENSION_VALUE) : v;
      if (!isDimensionPair(key, value)) return undefined;
      out[key] = value;
    }
  }
  return out;
}

function isDimensionPair(key: string, value: string): boolean {
  return (
    key.length <= MAX_DIMENSION_KEY &&
    !key.startsWith(':') &&
    key.trim() !== '' &&
    value.trim() !== '' &&
    ASCII.test(key) &&
    ASCII.test(value)
  );
}

function splitRecord(record: Record<string, string>): Record<string, string>[] {
  const entries = Object.entries(record);
  if (entries.length <= EMF_LIMITS.maxDimensions) return [record];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < entries.length; i += EMF_LIMITS.maxDimensions) {
    out.push(Object.fromEntries(entries.slice(i, i + EMF_LIMITS.maxDimensions)));
  }
  return out;
}
