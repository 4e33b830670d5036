import { EMF_LIMITS, isEmfDimensionValue, isEmfName } from './limits';
import type { EmfInput } from './types';

const { maxName: MAX_NAME, maxMetrics, maxDimensions } = EMF_LIMITS;
const SIMPLE = /^[\w .:/@+=,-]*$/;

/** JSON-encodes a string, skipping JSON.stringify for the plain ASCII names and values that dominate EMF. */
export function encode(s: string): string {
  return SIMPLE.test(s) ? '"' + s + '"' : JSON.stringify(s);
}

/**
 * The common case in one pass without intermediate collections: every part valid, ≤ 100 metrics, ≤ 30
 * dimension keys, ≤ 100 values per metric, no duplicate names, so exactly one document results. Returns
 * `undefined` whenever anything needs the general path (splitting, skipping invalid parts).
 */
export function serializeSingle(input: EmfInput, units: ReadonlySet<string>): string | undefined {
  const { namespace, dimensionSets: sets, dimensions, metrics } = input;
  if (typeof namespace !== 'string' || namespace.trim() === '' || namespace.length > MAX_NAME)
    return undefined;
  if (!Array.isArray(sets) || !Array.isArray(metrics) || metrics.length === 0) return undefined;
  if (metrics.length > maxMetrics || dimensions === null || typeof dimensions !== 'object') return undefined;
  const used: string[] = [];
  let dims = '[';
  let members = '';
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s];
    if (!Array.isArray(set)) return undefined;
    dims += s === 0 ? '[' : ',[';
    for (let k = 0; k < set.length; k++) {
      const key = set[k];
      if (!isEmfName(key)) return undefined;
      for (let j = 0; j < k; j++) if (set[j] === key) return undefined;
      const value = dimensions[key];
      if (!isEmfDimensionValue(value)) return undefined;
      const ek = encode(key);
      dims += k === 0 ? ek : ',' + ek;
      if (!used.includes(key)) {
        if (used.length === maxDimensions) return undefined;
        used.push(key);
        members += ',' + ek + ':' + encode(value);
      }
    }
    dims += ']';
  }
  dims += ']';
  const names: string[] = [];
  let defs = '';
  let values = '';
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    if (m === null || typeof m !== 'object') return undefined;
    const { name, unit, value } = m;
    if (!isEmfName(name)) return undefined;
    if (names.includes(name) || used.includes(name) || !units.has(unit)) return undefined;
    names.push(name);
    let v: string;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return undefined;
      v = String(value);
    } else {
      if (!Array.isArray(value) || value.length === 0 || value.length > maxMetrics) return undefined;
      for (const x of value) if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
      v = value.length === 1 ? String(value[0]) : '[' + value.join(',') + ']';
    }
    const en = encode(name);
    defs +=
      (i === 0 ? '{"Name":' : ',{"Name":') +
      en +
      ',"Unit":"' +
      unit +
      (m.storageResolution === 1 ? '","StorageResolution":1}' : '"}');
    values += ',' + en + ':' + v;
  }
  let props = '';
  const properties = input.properties;
  if (properties !== undefined) {
    if (properties === null || typeof properties !== 'object') return undefined;
    for (const key in properties) {
      if (!Object.hasOwn(properties, key) || key === '_aws' || used.includes(key) || names.includes(key))
        continue;
      let json: string | undefined;
      try {
        json = JSON.stringify(properties[key]);
      } catch {
        return undefined;
      }
      if (json !== undefined) props += ',' + encode(key) + ':' + json;
    }
  }
  const ts = input.timestamp;
  const timestamp = typeof ts === 'number' && Number.isFinite(ts) ? Math.round(ts) : Date.now();
  return (
    '{"_aws":{"Timestamp":' +
    timestamp +
    ',"CloudWatchMetrics":[{"Namespace":' +
    encode(namespace) +
    ',"Dimensions":' +
    dims +
    ',"Metrics":[' +
    defs +
    ']}]}' +
    members +
    props +
    values +
    '}\n'
  );
}
