import { defaultEnvironment } from '../context/default-environment';
import { enableDiagnostics } from '../diagnostics/report-failure';
import { defaultStdout, type LineSink } from '../io/stdout';
import { type CorsPolicy, createCorsPolicy, normalizeOrigin } from './cors-policy';
import { createOutputBudget, type OutputBudget } from './output-budget';
import { createDefaultEmitter, createDefaultLogger, type EmfEmitter } from './sinks';
import { createTokenBucket, type TokenBucket } from './token-bucket';
import type { ErrorReportHandlerOptions, IngestionEvent, IngestionLogger } from './types';

/** Options after validation: every field usable as is. */
export interface ResolvedOptions {
  handlerName: string;
  environment: string;
  functionName: string;
  routes: readonly string[];
  cors: CorsPolicy;
  bucket: TokenBucket | undefined;
  shouldThrottle: ((event: IngestionEvent) => boolean | number) | undefined;
  logger: IngestionLogger;
  emit: EmfEmitter;
  /** Caps what one request makes the default logger and the EMF emitter write. */
  budget: OutputBudget;
  now: () => number;
  dedupe: { maxSessions: number; maxFingerprints: number } | undefined;
}

const DEFAULT_MAX_AGE = 600;
const MAX_ENVIRONMENT_LENGTH = 64;

/**
 * The only environment names where `allowedOrigins: ['*']` is honoured (any case, surrounding space ignored).
 * Everything else — `production`, `prod-eu`, `prd`, `staging`, a typo — is treated as production: the
 * wildcard fails closed (#18).
 */
export const WILDCARD_ORIGIN_ENVIRONMENTS = ['dev', 'development', 'local', 'test'] as const;

/** True unless `environment` is one of {@link WILDCARD_ORIGIN_ENVIRONMENTS}: where `'*'` origins are refused. */
export function isProductionEnvironment(environment: string): boolean {
  return !(WILDCARD_ORIGIN_ENVIRONMENTS as readonly string[]).includes(environment.trim().toLowerCase());
}

/**
 * Validates handler options without ever throwing: each bad field falls back to its safe default and all the
 * problems go out as ONE console warning, so a typo in configuration degrades the handler instead of
 * turning every browser report into a 500.
 */
export function resolveOptions(handlerName: string, input: unknown): ResolvedOptions {
  const problems: string[] = [];
  let o: ErrorReportHandlerOptions = {};
  if (typeof input === 'object' && input !== null) o = input as ErrorReportHandlerOptions;
  else if (input !== undefined) problems.push('options must be an object');

  if (o.debug === true) enableDiagnostics();
  const env = globalThis.process?.env ?? {};
  let environment = defaultEnvironment(env);
  if (o.environment !== undefined) {
    if (isNonEmptyString(o.environment, MAX_ENVIRONMENT_LENGTH)) environment = o.environment;
    else
      problems.push(`environment must be a non-empty string of at most ${MAX_ENVIRONMENT_LENGTH} characters`);
  }

  let functionName = env.AWS_LAMBDA_FUNCTION_NAME || 'usermetrics-ingestion';
  if (o.functionName !== undefined) {
    if (isNonEmptyString(o.functionName, 256)) functionName = o.functionName;
    else problems.push('functionName must be a non-empty string');
  }

  const routes = stringList(o.routes, 'routes', problems);
  const origins: string[] = [];
  let wildcard = false;
  for (const entry of stringList(o.allowedOrigins, 'allowedOrigins', problems)) {
    if (entry.trim() === '*') wildcard = true;
    else {
      const normalized = normalizeOrigin(entry);
      if (normalized) origins.push(normalized);
      else
        problems.push(
          `allowedOrigins entry ${JSON.stringify(entry)} is not an origin (scheme://host[:port])`,
        );
    }
  }
  if (wildcard && isProductionEnvironment(environment)) {
    wildcard = false;
    problems.push(
      `allowedOrigins '*' is ignored in environment ${JSON.stringify(environment)} (honoured only in ${WILDCARD_ORIGIN_ENVIRONMENTS.join(', ')})`,
    );
  }

  let maxAge = DEFAULT_MAX_AGE;
  if (o.corsMaxAgeSeconds !== undefined) {
    if (isIntegerIn(o.corsMaxAgeSeconds, 0, 86_400)) maxAge = o.corsMaxAgeSeconds;
    else problems.push('corsMaxAgeSeconds must be an integer from 0 to 86400');
  }

  let now: () => number = Date.now;
  if (o.now !== undefined) {
    if (typeof o.now === 'function') now = o.now;
    else problems.push('now must be a function');
  }

  let bucket: TokenBucket | undefined;
  if (o.rateLimit !== undefined) {
    const rps = o.rateLimit?.requestsPerSecond;
    const burst = o.rateLimit?.burst ?? Math.max(1, Math.ceil(Number(rps)));
    if (typeof rps === 'number' && rps > 0 && Number.isFinite(rps) && isIntegerIn(burst, 1, 1e9)) {
      bucket = createTokenBucket(rps, burst, now);
    } else
      problems.push('rateLimit needs requestsPerSecond > 0 and an integer burst ≥ 1; rate limiting is off');
  }

  let shouldThrottle: ResolvedOptions['shouldThrottle'];
  if (o.shouldThrottle !== undefined) {
    if (typeof o.shouldThrottle === 'function') shouldThrottle = o.shouldThrottle;
    else problems.push('shouldThrottle must be a function');
  }

  let stdout: LineSink | undefined;
  if (o.stdout !== undefined) {
    if (typeof o.stdout?.write === 'function') stdout = o.stdout;
    else problems.push('stdout must have a write(line) method');
  }

  let logger: IngestionLogger | undefined;
  if (o.logger !== undefined) {
    const l = o.logger;
    if (l && typeof l.info === 'function' && typeof l.warn === 'function' && typeof l.error === 'function')
      logger = l;
    else problems.push('logger must have info, warn and error methods');
  }

  const dedupe = resolveDedupe(o.dedupe, problems);

  if (problems.length > 0) {
    console.warn(
      `[usermetrics] ${handlerName}: invalid options, using safe defaults: ${problems.join('; ')}`,
    );
  }
  // The default logger and the emitter write through the budget; a logger of the user's own is theirs.
  const budget = createOutputBudget(() => stdout ?? defaultStdout());
  return {
    handlerName,
    environment,
    functionName,
    routes,
    cors: createCorsPolicy(origins, wildcard, maxAge),
    bucket,
    shouldThrottle,
    logger: logger ?? createDefaultLogger(functionName, budget.sink),
    emit: createDefaultEmitter(budget.sink),
    budget,
    now,
    dedupe,
  };
}

function resolveDedupe(value: unknown, problems: string[]): ResolvedOptions['dedupe'] {
  const defaults = { maxSessions: 1000, maxFingerprints: 50 };
  if (value === undefined) return defaults;
  if (value === false) return undefined;
  if (typeof value !== 'object' || value === null) {
    problems.push('dedupe must be an object or false');
    return defaults;
  }
  const d = value as { maxSessions?: unknown; maxFingerprintsPerSession?: unknown };
  const out = { ...defaults };
  if (d.maxSessions !== undefined) {
    if (isIntegerIn(d.maxSessions, 1, 1_000_000)) out.maxSessions = d.maxSessions;
    else problems.push('dedupe.maxSessions must be an integer from 1 to 1000000');
  }
  if (d.maxFingerprintsPerSession !== undefined) {
    if (isIntegerIn(d.maxFingerprintsPerSession, 1, 10_000))
      out.maxFingerprints = d.maxFingerprintsPerSession;
    else problems.push('dedupe.maxFingerprintsPerSession must be an integer from 1 to 10000');
  }
  return out;
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name} must be an array of strings`);
    return [];
  }
  const out = value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (out.length !== value.length)
    problems.push(`${name} entries that are not non-empty strings are ignored`);
  return out;
}

function isNonEmptyString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= max;
}

function isIntegerIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
