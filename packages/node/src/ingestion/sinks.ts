import type { MetricDefinition } from '@usermetrics/core';
import type { EmfInput } from '../emf/types';
import { writeEmf } from '../emf/write-emf';
import type { LineSink } from '../io/stdout';
import { createLogger } from '../logger/create-logger';
import type { IngestionLogger } from './types';

/** Publishes one EMF emission. */
export type EmfEmitter = (input: EmfInput) => void;

/** EMF goes through the package's own serializer, to the given writer. */
export function createDefaultEmitter(stdout: LineSink): EmfEmitter {
  return (input) => writeEmf(input, stdout);
}

/** The package logger (DESIGN §4 lines), writing to the given writer. */
export function createDefaultLogger(functionName: string, stdout: LineSink): IngestionLogger {
  return createLogger(functionName, { destination: stdout });
}

/** A catalog entry's dimension sets as the mutable arrays {@link EmfInput} takes. */
export function dimensionSetsOf(def: MetricDefinition): string[][] {
  return def.dimensionSets.map((set) => [...set]);
}
