// Closes the API's own execute-api URL, which would otherwise bypass CloudFront and its WAF rate limit.
// CloudFront adds a secret origin header (infra/edge.ts: `x-usermetrics-origin-verify`, a random value generated in
// the stack); the Lambdas get only its SHA-256 (`USERMETRICS_ORIGIN_VERIFY_SHA256`), and this wrapper answers 403
// `origin_not_allowed` before the real handler runs when the header is missing or wrong. A direct call still
// costs one (short) Lambda invocation: API Gateway itself cannot check the header without an authorizer, which
// is a Lambda invocation too.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IngestionErrorResponse } from '@usermetrics/core';
import type { IngestionHandler, IngestionResult } from '@usermetrics/node';

export const ORIGIN_VERIFY_HEADER = 'x-usermetrics-origin-verify';
export const ORIGIN_VERIFY_ENV = 'USERMETRICS_ORIGIN_VERIFY_SHA256';

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The DESIGN §5 error answer, with the headers the node package's answers carry. */
export function originNotAllowed(): IngestionResult {
  const body: IngestionErrorResponse = {
    success: false,
    error: {
      code: 'origin_not_allowed',
      message: 'Send to the CloudFront endpoint (the stack output `api`), not to the API origin',
    },
  };
  return {
    statusCode: 403,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

function headerOf(headers: Record<string, string | undefined> | null | undefined): string | undefined {
  if (!headers) return undefined;
  // HTTP API events carry lower-case names; look case-insensitively anyway (REST API / tests).
  for (const [name, value] of Object.entries(headers))
    if (name.toLowerCase() === ORIGIN_VERIFY_HEADER) return value;
  return undefined;
}

/**
 * `handler`, reachable only through CloudFront. Without `USERMETRICS_ORIGIN_VERIFY_SHA256` (a local run) the
 * handler is returned unchanged, with one warning; a value that is not a hex SHA-256 refuses every request (a
 * broken deploy must not open the origin). The comparison hashes the received header first, so it is over equal
 * lengths and constant-time (`timingSafeEqual`).
 */
export function edgeOnly(
  handler: IngestionHandler,
  env: Record<string, string | undefined> = process.env,
): IngestionHandler {
  const configured = env[ORIGIN_VERIFY_ENV]?.trim();
  if (!configured) {
    console.warn(`${ORIGIN_VERIFY_ENV} is not set: the origin check is off (fine locally, never deployed)`);
    return handler;
  }
  const expected = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : undefined;
  if (!expected) console.warn(`${ORIGIN_VERIFY_ENV} is not a hex SHA-256: every request is refused`);
  return async (event, context) => {
    const given = headerOf(event?.headers);
    if (!expected || given === undefined || !timingSafeEqual(sha256(given), expected))
      return originNotAllowed();
    return handler(event, context);
  };
}
