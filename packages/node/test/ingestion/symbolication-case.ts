/**
 * Test-only: one error report thrown in a real minified bundle, the map served from memory, and an
 * error-report handler set up for it — shared by the symbolication tests.
 */
import { createErrorReportHandler } from '../../src/ingestion/create-error-report-handler';
import type { SourceMapResolver } from '../../src/ingestion/symbolication/types';
import type { ErrorReportHandlerOptions } from '../../src/ingestion/types';
import { BUNDLE_URL, minifiedBundle } from '../minified-bundle';
import { handlerOn, SESSION, v2Event } from './fixtures';

export const bundle = minifiedBundle();
export const RELEASE = '1.2.3';

/** Answers the bundle's map for {@link RELEASE} and {@link BUNDLE_URL}, nothing else. */
export const fromMemory: SourceMapResolver = async (release, url) =>
  release === RELEASE && url === BUNDLE_URL ? bundle.map : undefined;

/** An error-report handler named `errors-fn`, dedupe off, with `options` on top. */
export const errorReportHandler = (options: ErrorReportHandlerOptions = {}) =>
  handlerOn(createErrorReportHandler, { functionName: 'errors-fn', dedupe: false as const, ...options });

/** The report a browser sends for the bundle's throw. */
export const report = (release = RELEASE) =>
  v2Event({
    body: JSON.stringify({
      error: { message: 'negative total -5', stack: bundle.stack, type: 'RangeError' },
      context: { url: 'https://app.example.com/cart', sessionId: SESSION, release },
    }),
  });
