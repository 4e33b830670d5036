// `POST /metrics/web-vitals`: the @usermetrics/node handler, configured from the environment the SST app sets.
import { createWebVitalsHandler } from '@usermetrics/node';
import { optionsFromEnv } from './options-from-env';

export const handler = createWebVitalsHandler(optionsFromEnv());
