import { reportFailure } from '../diagnostics/report-failure';
import { defaultStdout, type LineSink } from '../io/stdout';
import { renderEmf } from './serialize-emf';
import type { EmfInput } from './types';

/**
 * Serializes one emission (`serializeEmf`) and writes all its documents to stdout in a single write,
 * so the lines of one emission never interleave with other output. Never throws.
 * @example
 * writeEmf({ namespace: 'UserMetrics/Frontend', dimensionSets: [['environment']],
 *   dimensions: { environment: 'prod' }, metrics: [{ name: 'FrontendErrors', unit: 'Count', value: 1 }] });
 */
export function writeEmf(input: EmfInput, out?: LineSink): void {
  try {
    const text = renderEmf(input);
    if (text !== '') (out ?? defaultStdout()).write(text);
  } catch (error) {
    // A failing stdout must not break the host; the emission is lost, the handler carries on.
    reportFailure('writeEmf', error);
  }
}
