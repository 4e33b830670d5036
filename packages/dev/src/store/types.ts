import type { EmfSample } from '../telemetry/parse-output-line';

/** The kinds of data the collector keeps; each is one JSONL file in the data folder. */
export const RECORD_KINDS = [
  'vitals',
  'errors',
  'logs',
  'emf',
  'pageviews',
  'replay',
  'rejected',
  'invocations',
] as const;
/** One kind of record. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** An accepted web-vitals item, as the production handler kept it. */
export interface VitalRecord {
  at: string;
  name: string;
  value: number;
  rating?: string;
  route: string;
  sessionId?: string;
}

/** An accepted error report (fields already redacted). */
export interface ErrorRecord {
  at: string;
  errorId?: string;
  duplicate?: boolean;
  type?: string;
  message?: string;
  route?: string;
  url?: string;
  sessionId?: string;
  replayUrl?: string;
  release?: string;
  /** Top frames at their original positions, `name (file:line:column)`, when source maps resolved them. */
  frames?: string[];
}

/** One log line a handler wrote (DESIGN §4), with where it came from. */
export interface LogEntry {
  at: string;
  functionName: string;
  requestId: string;
  sessionId?: string;
  level: string;
  message: string;
  record: Record<string, unknown>;
}

/** One EMF document a handler wrote. */
export interface EmfEntry {
  at: string;
  functionName: string;
  requestId: string;
  document: Record<string, unknown>;
  /** Flattened metrics; not stored (derived from `document` when read), kept optional for older files. */
  samples?: EmfSample[];
}

/** An Umami page view or custom event. */
export interface PageViewRecord {
  at: string;
  kind: 'pageview' | 'event';
  website: string;
  url: string;
  path: string;
  title?: string;
  name?: string;
  referrer?: string;
  sessionId?: string;
}

/** An OpenReplay session start or batch. */
export interface ReplayRecord {
  at: string;
  type: 'start' | 'batch';
  sessionID: string;
  projectKey?: string;
  userID?: string;
  size?: number;
  decodedSize?: number;
  messages?: number;
  compressed?: boolean;
  dataType?: string;
  file?: string;
}

/** A request refused with 4xx/5xx, or web-vitals items rejected inside an accepted batch. */
export interface RejectedRecord {
  at: string;
  method: string;
  path: string;
  status: number;
  code: string;
  message: string;
}

/** One handler invocation behind the adapter. */
export interface InvocationRecord {
  at: string;
  functionName: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  outcome: 'result' | 'error' | 'timeout';
  sessionId?: string;
  lines: number;
}

/** The record type of each kind. */
export interface RecordOf {
  vitals: VitalRecord;
  errors: ErrorRecord;
  logs: LogEntry;
  emf: EmfEntry;
  pageviews: PageViewRecord;
  replay: ReplayRecord;
  rejected: RejectedRecord;
  invocations: InvocationRecord;
}
