/**
 * PII redaction engine and URL sanitizer (DESIGN §7). One implementation runs in the browser before send
 * and in the ingestion handlers after receipt.
 */
export { REDACTED } from './constants';
export { luhnCheck } from './luhn';
export { redact } from './redact';
export { redactString } from './redact-string';
export { sanitizeUrl } from './sanitize-url';
export { isSensitiveKey, isSensitiveParam } from './sensitive-keys';
export type { RedactOptions, SanitizeUrlOptions } from './types';
