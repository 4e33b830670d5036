import { EMF_LIMITS, isEmfDimensionValue, isEmfName, EMF_UNIT_SET as UNITS } from './limits';
import { serializeSingle } from './serialize-single';
import type { EmfInput } from './types';

const { maxName: MAX_NAME, maxMetrics, maxDimensions } = EMF_LIMITS;

interface Entry {
  raw: string;
  /** Already JSON-encoded name. */
  name: string;
  /** `{"Name":…,"Unit":…}` of the directive. */
  definition: string;
  /** Already JSON-encoded value (number or array). */
  value: string;
}

/**
 * Serializes one emission into valid CloudWatch EMF documents, one newline-terminated JSON line each.
 *
 * Limits of the EMF specification are honoured by splitting, never by dropping: more than 100 metrics, a
 * metric with more than 100 values, or dimension sets that together use more than 30 keys produce several
 * documents. Invalid parts are skipped (non-finite values, empty names, sets naming a key without a value);
 * an invalid namespace yields no document. Never throws.
 * @example
 * serializeEmf({ namespace: 'Shop', dimensionSets: [['service']], dimensions: { service: 'cart' },
 *   metrics: [{ name: 'ItemsAdded', unit: 'Count', value: 2 }] });
 * // ['{"_aws":{"Timestamp":…,"CloudWatchMetrics":[…]},"service":"cart","ItemsAdded":2}\n']
 */
export function serializeEmf(input: EmfInput): string[] {
  try {
    const single = serializeSingle(input, UNITS);
    return single === undefined ? serializeGeneral(input) : [single];
  } catch {
    return [];
  }
}

/** The general path of {@link serializeEmf}: validates, skips and splits. @internal */
export function serializeGeneral(input: EmfInput): string[] {
  try {
    const namespace = input.namespace;
    if (typeof namespace !== 'string' || namespace.trim() === '' || namespace.length > MAX_NAME) return [];
    const dimensions = input.dimensions ?? {};
    const groups = groupDimensionSets(input.dimensionSets ?? [], dimensions);
    const rounds = metricRounds(input);
    if (rounds.length === 0) return [];
    const timestamp =
      typeof input.timestamp === 'number' && Number.isFinite(input.timestamp) ? input.timestamp : Date.now();
    const head =
      '{"_aws":{"Timestamp":' +
      Math.round(timestamp) +
      ',"CloudWatchMetrics":[{"Namespace":' +
      JSON.stringify(namespace) +
      ',"Dimensions":';
    const reserved = new Set<string>(['_aws']);
    for (const group of groups) for (const set of group) for (const key of set) reserved.add(key);
    for (const round of rounds) for (const m of round) reserved.add(m.raw);
    const props = propertyMembers(input.properties, reserved);
    const out: string[] = [];
    for (const group of groups) {
      const dimsJson = JSON.stringify(group);
      let dimMembers = '';
      for (const key of uniqueKeys(group))
        dimMembers += ',' + JSON.stringify(key) + ':' + JSON.stringify(dimensions[key]);
      for (const round of rounds) {
        for (let i = 0; i < round.length; i += maxMetrics) {
          const chunk = round.slice(i, i + maxMetrics);
          let defs = '';
          let values = '';
          for (const m of chunk) {
            defs += (defs === '' ? '' : ',') + m.definition;
            values += ',' + m.name + ':' + m.value;
          }
          out.push(head + dimsJson + ',"Metrics":[' + defs + ']}]}' + dimMembers + props + values + '}\n');
        }
      }
    }
    return out;
  } catch {
    return [];
  }
}

/** Valid, de-duplicated sets of ≤ 30 keys, grouped so that no document names more than 30 keys. */
function groupDimensionSets(sets: readonly unknown[], dimensions: Record<string, unknown>): string[][][] {
  const valid: string[][] = [];
  for (const set of sets) {
    if (!Array.isArray(set)) continue;
    const keys = [...new Set(set)];
    if (!keys.every((k) => isEmfName(k) && isEmfDimensionValue(dimensions[k]))) continue;
    for (let i = 0; i < keys.length || i === 0; i += maxDimensions) {
      valid.push(keys.slice(i, i + maxDimensions) as string[]);
    }
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

/**
 * Each metric's values cut into ≤ 100-value slices; round r holds every metric's r-th slice, so one name
 * never appears twice in a document.
 */
function metricRounds(input: EmfInput): Entry[][] {
  const rounds: Entry[][] = [];
  const seen = new Set<string>();
  for (const metric of input.metrics ?? []) {
    if (metric === null || typeof metric !== 'object') continue;
    const { name } = metric;
    if (!isEmfName(name) || seen.has(name)) continue;
    const values = (Array.isArray(metric.value) ? metric.value : [metric.value]).filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    if (values.length === 0) continue;
    seen.add(name);
    const encodedName = JSON.stringify(name);
    const unit = UNITS.has(metric.unit) ? metric.unit : 'None';
    const definition =
      '{"Name":' +
      encodedName +
      ',"Unit":"' +
      unit +
      '"' +
      (metric.storageResolution === 1 ? ',"StorageResolution":1}' : '}');
    for (let r = 0, i = 0; i < values.length; r++, i += maxMetrics) {
      const slice = values.slice(i, i + maxMetrics);
      const value = slice.length === 1 ? String(slice[0]) : '[' + slice.join(',') + ']';
      let round = rounds[r];
      if (round === undefined) {
        round = [];
        rounds.push(round);
      }
      round.push({ raw: name, name: encodedName, definition, value });
    }
  }
  return rounds;
}

function propertyMembers(
  properties: Record<string, unknown> | undefined,
  reserved: ReadonlySet<string>,
): string {
  if (properties === null || typeof properties !== 'object') return '';
  let out = '';
  for (const key of Object.keys(properties)) {
    if (reserved.has(key)) continue;
    const json = safeJson(properties[key]);
    if (json !== undefined) out += ',' + JSON.stringify(key) + ':' + json;
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

function uniqueKeys(group: string[][]): string[] {
  return [...new Set(group.flat())];
}
