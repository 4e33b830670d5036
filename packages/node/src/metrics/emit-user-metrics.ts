import type { MetricsLogger, Unit } from 'aws-embedded-metrics';
import { reportFailure } from '../diagnostics/report-failure';
import type { BufferedRecord } from './user-metrics-buffer';

/** How user metrics leave the process: our own serializer on stdout, or aws-embedded-metrics' sink. */
export type Emitter = 'lambda' | 'library';

// Environments for which aws-embedded-metrics does not use the Lambda console sink.
const LIBRARY_ENVIRONMENTS: ReadonlySet<string> = new Set(['Local', 'Agent', 'EC2', 'ECS']);

/**
 * Where user metrics go. Only an environment the user picked by name in `AWS_EMF_ENVIRONMENT` (`Local`,
 * `Agent`, `EC2`, `ECS`, spelled as aws-embedded-metrics spells them) goes through the library and its sink.
 * Everything else — Lambda, `AWS_EMF_ENVIRONMENT=Lambda`, and nothing configured at all — is serialized by
 * this package and written to stdout. aws-embedded-metrics' own discovery is never used: outside Lambda it
 * probes the EC2 metadata address and then falls back to a TCP agent, so with nothing configured the
 * metrics silently vanished on a developer's machine (#17 bug 3).
 */
export function resolveEmitter(env: NodeJS.ProcessEnv): Emitter {
  const override = env.AWS_EMF_ENVIRONMENT;
  return override !== undefined && LIBRARY_ENVIRONMENTS.has(override) ? 'library' : 'lambda';
}

/**
 * One aws-embedded-metrics logger per record, filled exactly as the buffer's samples were added (one
 * `putMetric` per value). Shared by the library path and its conformance test. @internal
 */
export function toMetricsLoggers(
  newLogger: () => MetricsLogger,
  namespace: string,
  properties: Record<string, string>,
  records: readonly BufferedRecord[],
): MetricsLogger[] {
  const loggers: MetricsLogger[] = [];
  for (const record of records) {
    try {
      const logger = newLogger();
      logger.setNamespace(namespace);
      logger.setDimensions(record.dimensions);
      for (const [k, v] of Object.entries(properties))
        if (!(k in record.dimensions)) logger.setProperty(k, v);
      for (const [name, m] of record.metrics)
        for (const v of m.values) logger.putMetric(name, v, m.unit as Unit);
      loggers.push(logger);
    } catch (error) {
      // The buffer only keeps samples the library accepts; this guards against its future rules.
      reportFailure('aws-embedded-metrics logger', error);
    }
  }
  return loggers;
}

/**
 * Loads aws-embedded-metrics on first use (a dynamic import: bundlers keep it out of the import-time
 * evaluation, so functions running in Lambda never pay for it) and flushes through its configured
 * environment. Never rejects.
 */
export async function emitThroughLibrary(
  namespace: string,
  properties: Record<string, string>,
  records: readonly BufferedRecord[],
): Promise<void> {
  try {
    const lib = await import('aws-embedded-metrics');
    const loggers = toMetricsLoggers(() => lib.createMetricsLogger(), namespace, properties, records);
    await Promise.all(
      loggers.map((l) => l.flush().catch((error) => reportFailure('aws-embedded-metrics flush', error))),
    );
  } catch (error) {
    reportFailure('aws-embedded-metrics flush', error);
    // Flushing is best effort: a broken sink must not reach the host.
  }
}
