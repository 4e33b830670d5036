import { LIMITS } from '@usermetrics/core';
import { createMetricsLogger, MetricsLogger, Unit } from 'aws-embedded-metrics';
import { LogSerializer } from 'aws-embedded-metrics/lib/serializers/LogSerializer.js';
import type { LineSink } from '../io/stdout';

/** Where one buffer's metrics go and which dimensions they get by default. */
export interface UserMetricsConfig {
  namespace: string;
  /** Used when `metrics.add` is called without dimensions. */
  defaultDimensions: Record<string, string>;
  /** When set, documents are written here instead of aws-embedded-metrics' own environment sink. */
  stdout?: LineSink;
}

/** Per-invocation (or process-wide, outside invocations) collection of user metrics. @internal */
export interface UserMetricsBuffer {
  readonly config: UserMetricsConfig;
  /** Written as properties (not dimensions) on every document, for correlation with the log lines. */
  readonly properties: Record<string, string>;
  /** One aws-embedded-metrics logger per distinct dimension record. */
  readonly loggers: Map<string, MetricsLogger>;
  adds: number;
}

/** Calls of `metrics.add` kept per buffer; a runaway loop must not eat the function's memory. */
export const MAX_ADDS_PER_BUFFER = 10_000;
const UNITS: ReadonlySet<string> = new Set(Object.values(Unit));
const MAX_DIMENSION_VALUE = 1024;

export function createBuffer(
  config: UserMetricsConfig,
  properties: Record<string, string> = {},
): UserMetricsBuffer {
  return { config, properties, loggers: new Map(), adds: 0 };
}

/**
 * Adds one sample. Each distinct dimension record gets its own aws-embedded-metrics `MetricsLogger`
 * (a document carries one set of dimension values); a record over 30 keys is cut into 30-key records, each
 * receiving the sample, so every document stays within the EMF limit. Returns false when nothing was added.
 */
export function addToBuffer(
  buffer: UserMetricsBuffer,
  name: unknown,
  value: unknown,
  unit: unknown,
  dimensions: Record<string, unknown> | undefined,
): boolean {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (buffer.adds >= MAX_ADDS_PER_BUFFER) return false;
  buffer.adds++;
  const safeUnit = typeof unit === 'string' && UNITS.has(unit) ? unit : Unit.None;
  for (const record of splitRecord(cleanDimensions(dimensions ?? buffer.config.defaultDimensions))) {
    const key = JSON.stringify(record);
    let logger = buffer.loggers.get(key);
    if (logger === undefined) {
      logger = newLogger(buffer.config);
      logger.setDimensions(record);
      for (const [k, v] of Object.entries(buffer.properties)) if (!(k in record)) logger.setProperty(k, v);
      buffer.loggers.set(key, logger);
    }
    logger.putMetric(name, value, safeUnit);
  }
  return true;
}

/** Writes every buffered metric (aws-embedded-metrics splits > 100 metrics per document) and empties it. */
export async function flushBuffer(buffer: UserMetricsBuffer): Promise<void> {
  const loggers = [...buffer.loggers.values()];
  buffer.loggers.clear();
  buffer.adds = 0;
  await Promise.all(loggers.map((l) => l.flush().catch(() => undefined)));
}

function newLogger(config: UserMetricsConfig): MetricsLogger {
  const logger = config.stdout ? new MetricsLogger(environmentFor(config.stdout)) : createMetricsLogger();
  logger.setNamespace(config.namespace);
  return logger;
}

function cleanDimensions(dimensions: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (dimensions === null || typeof dimensions !== 'object') return out;
  for (const key of Object.keys(dimensions).sort()) {
    const v = dimensions[key];
    if (key.length > 0 && key.length <= 255 && key !== '_aws' && typeof v === 'string' && v.length > 0) {
      out[key] = v.length > MAX_DIMENSION_VALUE ? v.slice(0, MAX_DIMENSION_VALUE) : v;
    }
  }
  return out;
}

function splitRecord(record: Record<string, string>): Record<string, string>[] {
  const entries = Object.entries(record);
  if (entries.length <= LIMITS.emfMaxDimensions) return [record];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < entries.length; i += LIMITS.emfMaxDimensions) {
    out.push(Object.fromEntries(entries.slice(i, i + LIMITS.emfMaxDimensions)));
  }
  return out;
}

type Environment = Awaited<ReturnType<ConstructorParameters<typeof MetricsLogger>[0]>>;
const environments = new WeakMap<LineSink, () => Promise<Environment>>();

/** An aws-embedded-metrics environment whose sink is the given stdout, serialized by its own LogSerializer. */
function environmentFor(stdout: LineSink): () => Promise<Environment> {
  let resolve = environments.get(stdout);
  if (resolve === undefined) {
    const serializer = new LogSerializer();
    const env = {
      probe: async () => true,
      getName: () => 'usermetrics',
      getType: () => 'AWS::Lambda::Function',
      getLogGroupName: () => '',
      configureContext: () => {},
      getSink: () => ({
        name: 'UsermetricsSink',
        accept: async (context: Parameters<LogSerializer['serialize']>[0]) => {
          const docs = serializer.serialize(context);
          if (docs.length > 0) stdout.write(docs.join('\n') + '\n');
        },
      }),
    } as unknown as Environment;
    const promise = Promise.resolve(env);
    resolve = () => promise;
    environments.set(stdout, resolve);
  }
  return resolve;
}
