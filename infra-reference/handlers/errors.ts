// `POST /errors/report`: the @usermetrics/node handler, configured from the environment the SST app sets.
// SOURCEMAP_BUCKET / SOURCEMAP_PREFIX (the private source-map bucket) turn on symbolication (#15): maps that
// @usermetrics/vite uploaded are read on a cache miss, the one network call this handler may make.
import { createErrorReportHandler } from '@usermetrics/node';
import { optionsFromEnv, sourceMapsFromEnv } from './options-from-env';

const sourceMaps = sourceMapsFromEnv();

export const handler = createErrorReportHandler(
  sourceMaps ? { ...optionsFromEnv(), sourceMaps } : optionsFromEnv(),
);
