// `POST /metrics/web-vitals`: the @usermetrics/node handler, configured from the environment the SST app sets,
// answering only requests that came through CloudFront (handlers/edge-only.ts).
import { createWebVitalsHandler } from '@usermetrics/node';
import { edgeOnly } from './edge-only';
import { optionsFromEnv } from './options-from-env';

export const handler = edgeOnly(createWebVitalsHandler(optionsFromEnv()));
