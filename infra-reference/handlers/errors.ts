// `POST /errors/report`: the @usermetrics/node handler, configured from the environment the SST app sets.
// SOURCEMAP_BUCKET / SOURCEMAP_PREFIX (the private source-map bucket) are set for symbolication (#15).
import { createErrorReportHandler } from '@usermetrics/node';
import { optionsFromEnv } from './options-from-env';

export const handler = createErrorReportHandler(optionsFromEnv());
