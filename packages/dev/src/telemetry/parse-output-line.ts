/** One metric of an EMF document, flattened with its dimension values. */
export interface EmfSample {
  namespace: string;
  name: string;
  unit: string;
  values: number[];
  /** Values of every dimension key named by the document's dimension sets. */
  dimensions: Record<string, string>;
  timestamp: number;
}

/** What a line a handler wrote to stdout turned out to be. */
export type OutputLine =
  | { kind: 'emf'; document: Record<string, unknown> }
  | { kind: 'log'; record: Record<string, unknown> }
  | { kind: 'text'; text: string };

/**
 * Classifies one stdout line: a CloudWatch Embedded Metric Format document (`_aws.CloudWatchMetrics`), a
 * structured log record (DESIGN §4: `timestamp`, `level`, `message`), or plain text (anything else, such as
 * a stray `console.log`). Never throws.
 */
export function parseOutputLine(line: string): OutputLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { kind: 'text', text: line };
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return { kind: 'text', text: line };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { kind: 'text', text: line };
  const record = doc as Record<string, unknown>;
  const aws = record._aws as { CloudWatchMetrics?: unknown; Timestamp?: unknown } | undefined;
  if (typeof aws === 'object' && aws !== null && Array.isArray(aws.CloudWatchMetrics)) {
    return { kind: 'emf', document: record };
  }
  if (typeof record.level === 'string' && typeof record.message === 'string') return { kind: 'log', record };
  return { kind: 'text', text: line };
}

/** Flattens an EMF document into one sample per (directive, metric). Malformed parts are skipped. */
export function emfSamples(doc: Record<string, unknown>): EmfSample[] {
  const aws = doc._aws as { CloudWatchMetrics: unknown[]; Timestamp?: unknown };
  const timestamp = typeof aws.Timestamp === 'number' ? aws.Timestamp : Date.now();
  const samples: EmfSample[] = [];
  for (const directive of aws.CloudWatchMetrics) {
    if (typeof directive !== 'object' || directive === null) continue;
    const d = directive as { Namespace?: unknown; Dimensions?: unknown; Metrics?: unknown };
    if (typeof d.Namespace !== 'string' || !Array.isArray(d.Metrics)) continue;
    const dimensions: Record<string, string> = {};
    for (const set of Array.isArray(d.Dimensions) ? d.Dimensions : []) {
      for (const key of Array.isArray(set) ? set : []) {
        const value = doc[key as string];
        if (typeof key === 'string' && value !== undefined) dimensions[key] = String(value);
      }
    }
    for (const metric of d.Metrics) {
      const m = metric as { Name?: unknown; Unit?: unknown };
      if (typeof m?.Name !== 'string') continue;
      const raw = doc[m.Name];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is number => typeof v === 'number');
      samples.push({
        namespace: d.Namespace,
        name: m.Name,
        unit: typeof m.Unit === 'string' ? m.Unit : 'None',
        values,
        dimensions,
        timestamp,
      });
    }
  }
  return samples;
}
