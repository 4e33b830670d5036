import { WEB_VITAL_NAMES } from '@usermetrics/core';
import type { Store } from '../store/create-store';
import type { ErrorRecord, LogEntry } from '../store/types';
import { emfSamples } from '../telemetry/parse-output-line';

/** p75 and count of one web vital on one route. */
export interface VitalStat {
  p75: number;
  count: number;
}

/** One EMF metric series: namespace, metric name and dimension values. */
export interface EmfSeries {
  namespace: string;
  name: string;
  unit: string;
  dimensions: Record<string, string>;
  samples: number;
  sum: number;
  min: number;
  max: number;
  last: number;
}

/** One replay session. */
export interface ReplaySession {
  sessionID: string;
  userID?: string;
  startedAt?: string;
  batches: number;
  messages: number;
  bytes: number;
}

/** An error with the Lambda log lines that share its sessionId. */
export interface CorrelatedError extends ErrorRecord {
  logs: LogEntry[];
}

/** The nearest-rank percentile (what CloudWatch's pNN statistic approximates). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Web vitals by route: route → metric → p75 and count. */
export function vitalsByRoute(store: Store): Record<string, Record<string, VitalStat>> {
  const groups = new Map<string, Map<string, number[]>>();
  for (const v of store.list('vitals')) {
    let byName = groups.get(v.route);
    if (byName === undefined) {
      byName = new Map();
      groups.set(v.route, byName);
    }
    let values = byName.get(v.name);
    if (values === undefined) {
      values = [];
      byName.set(v.name, values);
    }
    values.push(v.value);
  }
  const out: Record<string, Record<string, VitalStat>> = {};
  for (const [route, byName] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    out[route] = {};
    for (const name of WEB_VITAL_NAMES) {
      const values = byName.get(name);
      if (values !== undefined) out[route][name] = { p75: percentile(values, 75), count: values.length };
    }
  }
  return out;
}

/** EMF values grouped by namespace, metric and dimension values. */
export function emfSeries(store: Store): EmfSeries[] {
  const series = new Map<string, EmfSeries>();
  for (const entry of store.list('emf')) {
    for (const s of entry.samples ?? emfSamples(entry.document)) {
      const key = JSON.stringify([s.namespace, s.name, Object.entries(s.dimensions).sort()]);
      let agg = series.get(key);
      if (agg === undefined) {
        agg = {
          namespace: s.namespace,
          name: s.name,
          unit: s.unit,
          dimensions: s.dimensions,
          samples: 0,
          sum: 0,
          min: Number.POSITIVE_INFINITY,
          max: Number.NEGATIVE_INFINITY,
          last: 0,
        };
        series.set(key, agg);
      }
      for (const v of s.values) {
        agg.samples++;
        agg.sum += v;
        agg.min = Math.min(agg.min, v);
        agg.max = Math.max(agg.max, v);
        agg.last = v;
      }
    }
  }
  return [...series.values()].sort((a, b) =>
    `${a.namespace}/${a.name}/${JSON.stringify(a.dimensions)}`.localeCompare(
      `${b.namespace}/${b.name}/${JSON.stringify(b.dimensions)}`,
    ),
  );
}

/** The latest errors (newest first), each with the log lines of its session. */
export function correlatedErrors(store: Store, limit = 50): CorrelatedError[] {
  const bySession = new Map<string, LogEntry[]>();
  for (const log of store.list('logs')) {
    if (log.sessionId === undefined) continue;
    let list = bySession.get(log.sessionId);
    if (list === undefined) {
      list = [];
      bySession.set(log.sessionId, list);
    }
    list.push(log);
  }
  return store
    .list('errors')
    .slice(-limit)
    .reverse()
    .map((e) => ({
      ...e,
      logs: e.sessionId !== undefined ? (bySession.get(e.sessionId) ?? []).slice(-20) : [],
    }));
}

/** Replay sessions with their batch counts, newest first. */
export function replaySessions(store: Store): ReplaySession[] {
  const sessions = new Map<string, ReplaySession>();
  for (const r of store.list('replay')) {
    let s = sessions.get(r.sessionID);
    if (s === undefined) {
      s = { sessionID: r.sessionID, batches: 0, messages: 0, bytes: 0 };
      sessions.set(r.sessionID, s);
    }
    if (r.userID !== undefined) s.userID = r.userID;
    if (r.type === 'start') {
      s.startedAt = r.at;
    } else {
      s.batches++;
      s.messages += r.messages ?? 0;
      s.bytes += r.size ?? 0;
    }
  }
  return [...sessions.values()].reverse();
}

/** Page views and events counted by path. */
export function pageViewCounts(store: Store): { path: string; views: number; events: number }[] {
  const counts = new Map<string, { path: string; views: number; events: number }>();
  for (const p of store.list('pageviews')) {
    let c = counts.get(p.path);
    if (c === undefined) {
      c = { path: p.path, views: 0, events: 0 };
      counts.set(p.path, c);
    }
    if (p.kind === 'event') c.events++;
    else c.views++;
  }
  return [...counts.values()].sort((a, b) => b.views - a.views);
}

/** Everything the dashboard shows, as one JSON document. */
export function summarize(store: Store) {
  const rejectedByCode: Record<string, number> = {};
  for (const r of store.list('rejected'))
    rejectedByCode[`${r.status} ${r.code}`] = (rejectedByCode[`${r.status} ${r.code}`] ?? 0) + 1;
  return {
    revision: store.revision,
    totals: {
      vitals: store.total('vitals'),
      errors: store.total('errors'),
      logs: store.total('logs'),
      emf: store.total('emf'),
      pageviews: store.total('pageviews'),
      replay: store.total('replay'),
      rejected: store.total('rejected'),
      invocations: store.total('invocations'),
    },
    vitals: vitalsByRoute(store),
    errors: correlatedErrors(store, 20),
    emf: emfSeries(store),
    pageviews: pageViewCounts(store),
    replay: replaySessions(store).slice(0, 20),
    rejected: { byCode: rejectedByCode, recent: store.list('rejected').slice(-20).reverse() },
    invocations: store.list('invocations').slice(-20).reverse(),
  };
}

/** The summary document type. */
export type Summary = ReturnType<typeof summarize>;
