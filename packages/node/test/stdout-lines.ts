import { expectValidEmf, isEmfLine } from '@usermetrics/test-support/emf-schema';
import { expect } from 'vitest';
import { createCollector } from './collect';

type Json = Record<string, unknown>;

/** Collects a wrapper's stdout and splits it into validated EMF documents and log records. */
export function createStdout() {
  const c = createCollector();
  return {
    ...c,
    /** Every EMF line, each validated against the EMF schema. */
    emf(): Json[] {
      return c.lines().filter(isEmfLine).map(expectValidEmf);
    },
    logs(): Json[] {
      return c
        .lines()
        .filter((l) => !isEmfLine(l))
        .map((l) => JSON.parse(l) as Json);
    },
    /** The EMF document whose directive carries exactly this dimension set. */
    emfWith(dimensions: string[]): Json[] {
      return this.emf().filter((d) => {
        const aws = d._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] };
        return aws.CloudWatchMetrics.some((m) => m.Dimensions.some((s) => s.join() === dimensions.join()));
      });
    },
  };
}

/** Asserts a log record has exactly the DESIGN §4 keys (a subset of them) and returns it. */
export function expectLogRecord(record: Json | undefined): Json {
  expect(record).toBeDefined();
  const allowed = [
    'timestamp',
    'level',
    'message',
    'functionName',
    'requestId',
    'sessionId',
    'coldStart',
    'context',
    'error',
  ];
  for (const key of Object.keys(record ?? {})) expect(allowed).toContain(key);
  return record as Json;
}
