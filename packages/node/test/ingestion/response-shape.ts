/** Test-only: the documented answer shape every fuzz property checks. Not exported. */
import { INGESTION_ERROR_CODES, isUuid, LIMITS, REJECTION_REASONS } from '@usermetrics/core';
import type { IngestionResult } from '../../src/ingestion/types';

const REASONS: ReadonlySet<string> = new Set(REJECTION_REASONS);
const CODES: ReadonlySet<string> = new Set(INGESTION_ERROR_CODES);
const STATUS_OF_CODE: Record<string, number> = {
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_payload: 400,
  rate_limited: 429,
  method_not_allowed: 405,
  origin_not_allowed: 403,
};

/**
 * The documented answer shape, checked exhaustively (no extra keys). Returns a problem description, or
 * undefined when the answer is well-formed. 500 is a failure here: no client input may cause it.
 */
export function responseProblem(res: IngestionResult, kind: 'vitals' | 'errors'): string | undefined {
  if (typeof res !== 'object' || res === null) return 'no result object';
  if (res.statusCode === 204) return res.body === '' ? undefined : '204 with a body';
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `body is not JSON: ${res.body.slice(0, 80)}`;
  }
  if (body.success === false) {
    const error = body.error as { code?: unknown; message?: unknown; issues?: unknown };
    if (!keysAre(body, ['success', 'error'])) return 'extra keys in error body';
    if (!CODES.has(String(error?.code))) return `unknown code ${String(error?.code)}`;
    if (STATUS_OF_CODE[String(error.code)] !== res.statusCode)
      return `code ${String(error.code)} with ${res.statusCode}`;
    if (typeof error.message !== 'string') return 'error.message missing';
    if (error.issues !== undefined) {
      if (!Array.isArray(error.issues) || error.issues.length === 0) return 'issues not a non-empty array';
      for (const i of error.issues)
        if (typeof i?.path !== 'string' || typeof i?.message !== 'string') return 'bad issue';
    }
    return undefined;
  }
  if (body.success !== true || res.statusCode !== 200)
    return `unexpected ${res.statusCode} ${res.body.slice(0, 80)}`;
  if (kind === 'errors') {
    if (!isUuid(body.errorId)) return 'errorId is not a UUID';
    if (body.duplicate !== undefined && body.duplicate !== true) return 'duplicate is not true';
    return keysAre(body, ['success', 'errorId', 'duplicate'])
      ? undefined
      : 'extra keys in error-report answer';
  }
  const { metricsReceived: n, metricsRejected: m, rejected } = body;
  if (!isCount(n) || !isCount(m) || n + m < 1 || n + m > LIMITS.maxMetricsPerBatch) return 'bad counts';
  if (m === 0 && rejected !== undefined) return 'rejected present with M = 0';
  if (m > 0) {
    if (!Array.isArray(rejected) || rejected.length !== m) return 'rejected length differs from M';
    for (const r of rejected) if (!isCount(r?.index) || !REASONS.has(r?.reason)) return 'bad rejected item';
  }
  return keysAre(body, ['success', 'metricsReceived', 'metricsRejected', 'rejected'])
    ? undefined
    : 'extra keys';
}

function keysAre(o: object, allowed: string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Own names of Object.prototype, to prove afterwards that no body polluted it. */
export function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}
