import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../functions/forwarder/to-document';
import { DEFAULT_INDEX_PREFIX } from '../functions/log-forwarder';

type Json = Record<string, unknown>;
const read = (name: string): Json => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as Json;
const template = read('./index-template.json');
const ism = read('./ism-policy.json');

/** Field kinds the forwarder means to write, by field path (`context.*`: every leaf under context). */
const INTENDED: Record<string, Kind> = {
  timestamp: 'date',
  level: 'keyword',
  message: 'text',
  functionName: 'keyword',
  requestId: 'keyword',
  sessionId: 'keyword',
  traceId: 'keyword',
  errorId: 'keyword',
  coldStart: 'boolean',
  'context.*': 'keyword',
  'error.name': 'keyword',
  'error.message': 'text',
  'error.stack': 'text',
  logGroup: 'keyword',
  logStream: 'keyword',
  raw: 'boolean',
  report: 'boolean',
  status: 'keyword',
  durationMs: 'number',
  billedDurationMs: 'number',
  memorySizeMb: 'number',
  maxMemoryUsedMb: 'number',
  initDurationMs: 'number',
};
type Kind = 'keyword' | 'text' | 'date' | 'boolean' | 'number';
const KIND_OF_TYPE: Record<string, Kind> = {
  keyword: 'keyword',
  text: 'text',
  date: 'date',
  boolean: 'boolean',
  long: 'number',
  integer: 'number',
  double: 'number',
  float: 'number',
};

/** Documents of every kind the forwarder writes: a full log record, a cold REPORT with X-Ray, a raw line. */
function forwarderDocuments(): Json[] {
  const record = {
    timestamp: '2026-12-04T16:00:00.000Z',
    level: 'ERROR',
    message: 'Frontend error: x is undefined',
    functionName: 'error-report',
    requestId: 'r-1',
    sessionId: 's-1',
    traceId: '1-5759e988-bd862e3fe1be46a994272793',
    errorId: 'e-1',
    coldStart: true,
    context: {
      errorId: '0193a1b2-0000-7000-8000-000000000000',
      errorType: 'TypeError',
      route: '/users/:id',
      url: 'https://app.example.com/users/:id',
      fingerprint: 'f1',
      environment: 'prod',
      release: '1.2.3',
      attempt: 2,
      ratio: 0.5,
      retried: false,
      looksLikeADate: '2026-12-04',
      nested: { orderId: 'o-1', items: 3 },
    },
    error: {
      name: 'TypeError',
      message: 'x is undefined',
      stack: 'TypeError: x\n  at f',
      cause: { name: 'E', message: 'm' },
    },
  };
  const report =
    'REPORT RequestId: r-1\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB\t' +
    'Init Duration: 180.43 ms\tStatus: timeout\t\nXRAY TraceId: 1-5759e988-bd862e3fe1be46a994272793\tSegmentId: 1\tSampled: true';
  const origin = { logGroup: '/aws/lambda/error-report', logStream: 's' };
  return [JSON.stringify(record), report, 'plain line'].map(
    (message, i) =>
      toDocument({ id: String(i), timestamp: 0, message }, origin, DEFAULT_INDEX_PREFIX)?.source ?? {},
  );
}

/** Leaf field paths with their JSON values; `error.cause` is opaque on purpose (any shape, not indexed). */
function leaves(value: Json, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix + key;
    if (path === 'error.cause') return [];
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? leaves(v as Json, `${path}.`)
      : [[path, v]];
  });
}

const mappings = (template.template as Json).mappings as Json;

/** The OpenSearch type a field gets: from `properties`, or from a dynamic template under `context`. */
function mappedType(path: string, value: unknown): string | undefined {
  let node: Json | undefined = mappings;
  for (const part of path.split('.')) {
    node = ((node?.properties ?? {}) as Json)[part] as Json | undefined;
    if (node === undefined) break;
  }
  if (node !== undefined) return node.type as string;
  if (!path.startsWith('context.')) return undefined;
  const jsonType = typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : typeof value;
  for (const entry of mappings.dynamic_templates as Json[]) {
    const rule = Object.values(entry)[0] as Json;
    if (rule.path_match === 'context.*' && rule.match_mapping_type === jsonType) {
      return (rule.mapping as Json).type as string;
    }
  }
  return undefined;
}

function globMatches(pattern: string, name: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(name);
}

describe('index template', () => {
  it("applies to the forwarder's daily indices and nothing broader", () => {
    const patterns = template.index_patterns as string[];
    expect(patterns.some((p) => globMatches(p, `${DEFAULT_INDEX_PREFIX}-2026.12.04`))).toBe(true);
    expect(patterns.some((p) => globMatches(p, 'security-auditlog-2026.12.04'))).toBe(false);
  });

  it('maps every field the forwarder writes with the intended type (keyword, text, number, date, boolean)', () => {
    const paths = new Set<string>();
    for (const doc of forwarderDocuments()) {
      for (const [path, value] of leaves(doc)) {
        paths.add(path);
        const intended = INTENDED[path] ?? (path.startsWith('context.') ? INTENDED['context.*'] : undefined);
        expect(intended, `${path} is written but has no intended type in this test`).toBeDefined();
        const type = mappedType(path, value);
        expect(type, `${path} is not mapped (dynamic: false would keep it out of the index)`).toBeDefined();
        expect(KIND_OF_TYPE[type as string], `${path} is mapped as ${type}`).toBe(intended);
      }
    }
    // Positive control: the documents above really exercise the fields this test is about.
    for (const path of Object.keys(INTENDED).filter((p) => p !== 'context.*')) expect(paths).toContain(path);
    expect([...paths].filter((p) => p.startsWith('context.nested.'))).toEqual([
      'context.nested.orderId',
      'context.nested.items',
    ]);
  });

  it('keeps unknown top-level fields out of the mapping and date-looking strings out of date detection', () => {
    expect(mappings.dynamic).toBe(false);
    expect(mappings.date_detection).toBe(false);
    expect(mappings.numeric_detection).toBe(false);
  });

  it('stores error.cause without indexing it, since a cause can be any JSON value', () => {
    const error = (mappings.properties as Json).error as { properties: Json };
    expect(error.properties.cause).toEqual({ type: 'object', enabled: false });
  });
});

describe('ISM policy', () => {
  const policy = ism.policy as { default_state: string; states: Json[]; ism_template: Json[] };
  const byName = new Map(policy.states.map((s) => [s.name as string, s]));
  const transitionsOf = (name: string) =>
    (byName.get(name)?.transitions ?? []) as { state_name: string; conditions: { min_index_age: string } }[];

  it('goes hot → warm at 7 days → cold at 30 → delete at 90, every transition to a state that exists', () => {
    const path: [string, string][] = [];
    let state = policy.default_state;
    const seen = new Set<string>();
    while (!seen.has(state)) {
      seen.add(state);
      const [next, ...others] = transitionsOf(state);
      expect(others).toEqual([]);
      if (next === undefined) break;
      expect(byName.has(next.state_name)).toBe(true);
      path.push([next.state_name, next.conditions.min_index_age]);
      state = next.state_name;
    }
    expect(policy.default_state).toBe('hot');
    expect(path).toEqual([
      ['warm', '7d'],
      ['cold', '30d'],
      ['delete', '90d'],
    ]);
    expect(seen).toEqual(new Set(byName.keys()));
  });

  it('deletes in the last state and nowhere else', () => {
    const deleting = policy.states.filter((s) => (s.actions as Json[]).some((a) => 'delete' in a));
    expect(deleting.map((s) => s.name)).toEqual(['delete']);
    expect(transitionsOf('delete')).toEqual([]);
  });

  it('attaches itself to the same indices as the index template', () => {
    expect(policy.ism_template.map((t) => t.index_patterns)).toEqual([template.index_patterns]);
  });
});
