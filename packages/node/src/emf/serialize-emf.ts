import { reportFailure } from '../diagnostics/report-failure';
import { EMF_LIMITS, isEmfDimensionValue, isEmfName, EMF_UNIT_SET as UNITS } from './limits';
import type { EmfInput } from './types';

const { maxName: MAX_NAME, maxMetrics, maxDimensions } = EMF_LIMITS;

/**
 * What stays the same from one emission to the next: namespace, dimension sets and their values, metric
 * names and units. {@link compileDocument} encodes it once. @internal
 */
export interface DocumentShape {
  namespace: string;
  dimensionSets: readonly (readonly string[])[];
  dimensions: Readonly<Record<string, string>>;
  metrics: readonly { name: string; unit: string; storageResolution?: 1 | 60 }[];
}

/** One metric's samples of one emission: a number or up to any number of numbers. @internal */
export type MetricValue = number | readonly number[];

/**
 * Properties already written as JSON members (`,"requestId":"…"`), encoded once for every document of an
 * emission by a caller whose keys cannot collide with its shapes' dimensions and metrics (the wrapper). @internal
 */
export class EncodedMembers {
  constructor(readonly json: string) {}
}

/** A {@link DocumentShape} with its constant JSON encoded once; each emission only appends values. @internal */
export interface CompiledDocument {
  /**
   * The newline-terminated EMF lines of one emission (`''` when nothing valid is left), ready for a single
   * write. `values[i]` belongs to the shape's `metrics[i]`; `properties` become root members unless they
   * would shadow `_aws`, a dimension or a metric.
   */
  render(
    timestamp: number,
    values: readonly MetricValue[],
    properties?: Record<string, unknown> | EncodedMembers,
  ): string;
}

interface Part {
  /** `,"CloudWatchMetrics":[…]}` plus the dimension members: everything between Timestamp and properties. */
  prefix: string;
  /** Index into the emission's values, and the JSON-encoded name, of each metric this part carries. */
  indexes: number[];
  names: string[];
}

const EMPTY: CompiledDocument = { render: () => '' };
const SIMPLE = /^[\w .:/@+=,-]*$/;
const NON_ASCII = /[\u0080-\uffff]/;

/** JSON-encodes a string, skipping JSON.stringify for the plain ASCII names and values that dominate EMF. */
function encode(s: string): string {
  return SIMPLE.test(s) ? '"' + s + '"' : JSON.stringify(s);
}

/** Whether {@link encode} takes its plain path for `s` (which implies ASCII). @internal */
export function isSimple(s: string): boolean {
  return SIMPLE.test(s);
}

/**
 * Whether the JSON encoding of `s` is 7-bit ASCII (its UTF-8 byte count is its length). Control characters
 * count as ASCII: JSON escapes them. @internal
 */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/**
 * The package's one EMF serializer (DESIGN §3, limits from `emf/limits.ts`). Validates a shape once and
 * precompiles every constant byte; the wrapper's invocation document, user metrics and the ingestion handlers
 * (through {@link serializeEmf}) all render through it.
 *
 * The EMF limits are honoured by splitting, never by dropping: more than 100 metrics, dimension sets that
 * together use more than 30 keys (a set longer than 30 is cut into 30-key sets), or a metric with more than
 * 100 values in one emission give several documents. Invalid parts are skipped: an empty or over-long name,
 * a repeated metric name, a metric named like a dimension, a set naming a key without a valid value, and at
 * render time non-finite values. An invalid namespace gives no document. Not guarded itself: every entry
 * point that uses it (the wrapper's finish, `metrics`, `serializeEmf`, `writeEmf`) is, once.
 * @internal
 */
export function compileDocument(shape: DocumentShape): CompiledDocument {
  const { namespace } = shape;
  if (typeof namespace !== 'string' || namespace.trim() === '' || namespace.length > MAX_NAME) return EMPTY;
  const dimensions = shape.dimensions ?? {};
  const groups = groupDimensionSets(shape.dimensionSets ?? [], dimensions);
  const dimensionKeys = new Set<string>();
  for (const group of groups) for (const set of group) for (const key of set) dimensionKeys.add(key);
  const reserved = new Set<string>(dimensionKeys).add('_aws');
  const kept: { index: number; name: string; definition: string }[] = [];
  const metrics = shape.metrics ?? [];
  for (let index = 0; index < metrics.length; index++) {
    const metric = metrics[index];
    if (metric === null || typeof metric !== 'object') continue;
    const { name } = metric;
    if (!isEmfName(name) || reserved.has(name)) continue;
    reserved.add(name);
    const unit = UNITS.has(metric.unit) ? metric.unit : 'None';
    const encoded = encode(name);
    kept.push({
      index,
      name: encoded,
      definition:
        '{"Name":' +
        encoded +
        ',"Unit":"' +
        unit +
        (metric.storageResolution === 1 ? '","StorageResolution":1}' : '"}'),
    });
  }
  if (kept.length === 0) return EMPTY;
  const ns = encode(namespace);
  const parts: Part[] = [];
  for (const group of groups) {
    let dims = '[';
    for (let s = 0; s < group.length; s++)
      dims += (s === 0 ? '[' : ',[') + group[s]?.map(encode).join(',') + ']';
    dims += ']';
    let members = '';
    for (const key of new Set(group.flat()))
      members += ',' + encode(key) + ':' + encode(dimensions[key] as string);
    for (let i = 0; i < kept.length; i += maxMetrics) {
      const chunk = kept.slice(i, i + maxMetrics);
      parts.push({
        prefix:
          ',"CloudWatchMetrics":[{"Namespace":' +
          ns +
          ',"Dimensions":' +
          dims +
          ',"Metrics":[' +
          chunk.map((m) => m.definition).join(',') +
          ']}]}' +
          members,
        indexes: chunk.map((m) => m.index),
        names: chunk.map((m) => m.name),
      });
    }
  }
  return {
    render: (timestamp, values, properties) => render(shape, parts, reserved, timestamp, values, properties),
  };
}

function render(
  shape: DocumentShape,
  parts: readonly Part[],
  reserved: ReadonlySet<string>,
  timestamp: number,
  values: readonly MetricValue[],
  properties: Record<string, unknown> | EncodedMembers | undefined,
): string {
  const head =
    '{"_aws":{"Timestamp":' +
    (typeof timestamp === 'number' && Number.isFinite(timestamp) ? Math.round(timestamp) : Date.now());
  const props =
    properties === undefined
      ? ''
      : properties instanceof EncodedMembers
        ? properties.json
        : propertyMembers(properties, reserved);
  let out = '';
  for (const part of parts) {
    let members = '';
    const { indexes, names } = part;
    for (let i = 0; i < indexes.length; i++) {
      const value = encodeValue(values[indexes[i] as number]);
      // A value that needs skipping or splitting: the whole emission takes the general path.
      if (value === undefined) return renderIrregular(shape, timestamp, values, properties);
      members += ',' + names[i] + ':' + value;
    }
    out += head + part.prefix + props + members + '}\n';
  }
  return out;
}

/** A finite number, or 1–100 finite numbers; `undefined` for anything else. */
function encodeValue(value: MetricValue | undefined): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > maxMetrics) return undefined;
  for (const v of value) if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return value.length === 1 ? String(value[0]) : '[' + value.join(',') + ']';
}

/**
 * Non-finite values dropped, metrics left without values dropped, and values beyond 100 per metric spread
 * over rounds: round r carries every metric's r-th slice of ≤ 100, so a name never repeats in a document.
 */
function renderIrregular(
  shape: DocumentShape,
  timestamp: number,
  values: readonly MetricValue[],
  properties: Record<string, unknown> | EncodedMembers | undefined,
): string {
  const rounds: { metrics: DocumentShape['metrics'][number][]; values: MetricValue[] }[] = [];
  shape.metrics.forEach((metric, index) => {
    const raw = values[index];
    const finite = (Array.isArray(raw) ? raw : [raw]).filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    for (let r = 0, i = 0; i < finite.length; r++, i += maxMetrics) {
      rounds[r] ??= { metrics: [], values: [] };
      rounds[r]?.metrics.push(metric);
      rounds[r]?.values.push(finite.slice(i, i + maxMetrics));
    }
  });
  let out = '';
  for (const round of rounds)
    out += compileDocument({ ...shape, metrics: round.metrics }).render(timestamp, round.values, properties);
  return out;
}

/** Valid, de-duplicated sets of ≤ 30 keys, grouped so that no document names more than 30 keys. */
function groupDimensionSets(
  sets: readonly (readonly string[])[],
  dimensions: Readonly<Record<string, unknown>>,
): string[][][] {
  const valid: string[][] = [];
  for (const set of sets) {
    if (!Array.isArray(set)) continue;
    const keys = [...new Set(set)] as string[];
    if (!keys.every((k) => isEmfName(k) && isEmfDimensionValue(dimensions[k]))) continue;
    for (let i = 0; i < keys.length || i === 0; i += maxDimensions)
      valid.push(keys.slice(i, i + maxDimensions));
  }
  if (valid.length === 0) return [[]];
  const groups: string[][][] = [];
  let current: string[][] = [];
  let keys = new Set<string>();
  for (const set of valid) {
    const union = new Set([...keys, ...set]);
    if (current.length > 0 && union.size > maxDimensions) {
      groups.push(current);
      current = [set];
      keys = new Set(set);
    } else {
      current.push(set);
      keys = union;
    }
  }
  groups.push(current);
  return groups;
}

function propertyMembers(properties: Record<string, unknown>, reserved: ReadonlySet<string>): string {
  if (properties === null || typeof properties !== 'object') return '';
  let out = '';
  for (const key in properties) {
    if (!Object.hasOwn(properties, key) || reserved.has(key)) continue;
    const value = properties[key];
    const json = typeof value === 'string' ? encode(value) : safeJson(value);
    if (json !== undefined) out += ',' + encode(key) + ':' + json;
  }
  return out;
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return JSON.stringify('[unserializable]');
  }
}

/**
 * Serializes one emission into valid CloudWatch EMF documents, one newline-terminated JSON line each, through
 * the package's one EMF engine: the limits of the EMF specification are honoured by splitting (more than 100
 * metrics, more than 100 values of one metric, or dimension sets that together use more than 30 keys give
 * several documents), invalid parts are skipped, an invalid namespace gives no document. Never throws.
 * @example
 * serializeEmf({ namespace: 'Shop', dimensionSets: [['service']], dimensions: { service: 'cart' },
 *   metrics: [{ name: 'ItemsAdded', unit: 'Count', value: 2 }] });
 * // ['{"_aws":{"Timestamp":…,"CloudWatchMetrics":[…]},"service":"cart","ItemsAdded":2}\n']
 */
export function serializeEmf(input: EmfInput): string[] {
  try {
    const text = renderEmf(input);
    if (text === '') return [];
    const lines = text.split('\n');
    lines.pop();
    return lines.map((line) => line + '\n');
  } catch (error) {
    reportFailure('serializeEmf', error);
    return [];
  }
}

/**
 * {@link serializeEmf}'s documents as one string, for a single write. Unguarded: the entry point that calls
 * it (`serializeEmf`, `writeEmf`) guards. @internal
 */
export function renderEmf(input: EmfInput): string {
  const values: MetricValue[] = [];
  for (const m of input.metrics ?? [])
    values.push(m !== null && typeof m === 'object' ? m.value : Number.NaN);
  return compileDocument(input).render(input.timestamp ?? Date.now(), values, input.properties);
}
