import type { IngestionErrorCode, ValidationIssue } from '@usermetrics/core';
import type { IngestionResult } from './types';

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** A JSON answer. `extra` (CORS, Retry-After, Allow) is merged over the base headers. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  extra?: Record<string, string>,
): IngestionResult {
  return {
    statusCode,
    headers: { ...BASE_HEADERS, ...extra },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/** The DESIGN §5 error body: `{"success":false,"error":{"code","message","issues"?}}`. */
export function errorResponse(
  statusCode: number,
  code: IngestionErrorCode,
  message: string,
  extra?: Record<string, string>,
  issues?: readonly ValidationIssue[],
): IngestionResult {
  const error: { code: IngestionErrorCode; message: string; issues?: ValidationIssue[] } = { code, message };
  if (issues && issues.length > 0) error.issues = issues.map((i) => ({ path: i.path, message: i.message }));
  return jsonResponse(statusCode, { success: false, error }, extra);
}

/** The 204 preflight answer: no body, no Content-Type. */
export function emptyResponse(statusCode: number, headers: Record<string, string>): IngestionResult {
  return { statusCode, headers: { ...headers }, body: '', isBase64Encoded: false };
}
