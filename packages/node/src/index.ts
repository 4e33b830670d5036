/**
 * @usermetrics/node — AWS Lambda instrumentation: structured JSON logs (DESIGN §4) and CloudWatch EMF metrics
 * (DESIGN §3) written to stdout.
 * @packageDocumentation
 */
export type { InvocationContext } from './context/invocation-store';
export { getInvocationContext } from './context/invocation-store';
export { serializeEmf } from './emf/serialize-emf';
export type { EmfInput, EmfMetric } from './emf/types';
export { EMF_UNITS } from './emf/types';
export { writeEmf } from './emf/write-emf';
export type { LineSink } from './io/stdout';
export { createLogger } from './logger/create-logger';
export type { LogContext, Logger, LoggerBindings, LoggerOptions } from './logger/types';
