/**
 * The one rule for the `environment` dimension when the configuration names none (#13): the
 * `USERMETRICS_ENVIRONMENT` variable, then `NODE_ENV`, then `'production'`. Production is the default
 * because it is the safe one: the ingestion handlers refuse a `'*'` origin there, and a function deployed
 * without configuration most likely serves real users. The wrapper, the middy middleware, `metrics.add`,
 * `recordColdStart` and the ingestion handlers all call this.
 * @example defaultEnvironment({ NODE_ENV: 'development' }) // 'development'
 */
export function defaultEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return env.USERMETRICS_ENVIRONMENT || env.NODE_ENV || 'production';
}
