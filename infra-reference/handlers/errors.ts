// `POST /errors/report`: the @usermetrics/node handler, configured from the environment the SST app sets.
// SOURCEMAP_BUCKET / SOURCEMAP_PREFIX (the private source-map bucket) turn on symbolication (#15): maps that
// @usermetrics/vite uploaded are read on a cache miss, the one network call this handler may make. Only requests
// that came through CloudFront are answered (handlers/edge-only.ts).
import { createErrorReportHandler } from '@usermetrics/node';
import { edgeOnly } from './edge-only';
import { optionsFromEnv, sourceMapsFromEnv } from './options-from-env';

const sourceMaps = sourceMapsFromEnv();

export const handler = edgeOnly(
  createErrorReportHandler(sourceMaps ? { ...optionsFromEnv(), sourceMaps } : optionsFromEnv()),
);
