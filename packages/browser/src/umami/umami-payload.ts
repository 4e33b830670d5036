import { isUuid, redact, redactString, sanitizeUrl, UMAMI_LIMITS } from '@usermetrics/core';

/** The body of POST {hostUrl}/api/send (DESIGN §6). */
export interface UmamiPayload {
  type: 'event';
  payload: {
    website: string;
    hostname: string;
    language: string;
    screen: string;
    title: string;
    url: string;
    referrer?: string;
    name?: string;
    data?: Record<string, unknown>;
  };
}

/** Page facts that go in every Umami payload. */
export interface UmamiPage {
  hostname: string;
  language: string;
  screen: string;
  title: string;
  url: string;
  referrer?: string;
}

// Umami's formula-injection guard rejects names starting with any of these (DESIGN §6).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** True for an event name Umami accepts: 1–50 chars, not starting with = + - @ tab or CR. */
export function isValidEventName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.trim().length > 0 &&
    name.length <= UMAMI_LIMITS.eventName &&
    !FORMULA_TRIGGER.test(name)
  );
}

/** True for `{}`-style objects; arrays, class instances, Maps and null are not plain. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A URL Umami accepts, or undefined: sanitized (fragment, credentials and sensitive params gone), absolute
 * http(s), path ≤ 500 chars (cut), query ≤ 500 chars (dropped whole rather than cut mid-parameter),
 * ≤ 2000 chars overall.
 */
export function toUmamiUrl(raw: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(sanitizeUrl(new URL(raw, base).href, { maxLength: UMAMI_LIMITS.url }));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = url.pathname.slice(0, UMAMI_LIMITS.urlPathAndHash);
  const query = url.search.length - 1 > UMAMI_LIMITS.urlQuery ? '' : url.search;
  const out = `${url.protocol}//${url.host}${path}${query}`;
  return out.length <= UMAMI_LIMITS.url ? out : undefined;
}

/** Reads the page facts from the DOM, cut to Umami's limits. */
export function readUmamiPage(
  doc: Document,
  nav: Navigator,
  screen: Screen | undefined,
): Omit<UmamiPage, 'url'> {
  return {
    hostname: doc.location?.hostname.slice(0, UMAMI_LIMITS.hostname) ?? '',
    language: (nav.language ?? '').slice(0, UMAMI_LIMITS.language),
    screen: screen ? `${screen.width}x${screen.height}`.slice(0, UMAMI_LIMITS.screen) : '',
    title: redactString(doc.title ?? '', { maxStringLength: UMAMI_LIMITS.title }).slice(
      0,
      UMAMI_LIMITS.title,
    ),
  };
}

/**
 * Builds a valid Umami payload, or a reason it cannot be one. `data` is redacted and gets `sessionId` (and
 * `environment` when configured, so Umami's event-data filters can tell production from staging).
 */
export function buildUmamiPayload(input: {
  websiteId: string;
  page: UmamiPage;
  sessionId: string;
  environment?: string | undefined;
  name?: string;
  data?: unknown;
}): UmamiPayload | { invalid: string } {
  if (!isUuid(input.websiteId)) return { invalid: 'websiteId is not a UUID' };
  if (input.name !== undefined && !isValidEventName(input.name)) return { invalid: 'invalid event name' };
  if (input.data !== undefined && !isPlainObject(input.data))
    return { invalid: 'data is not a plain object' };
  const data: Record<string, unknown> = {
    ...redact(input.data ?? {}, { maxDepth: 4, maxKeys: 50 }),
    sessionId: input.sessionId,
  };
  if (input.environment) data.environment = input.environment;
  const payload: UmamiPayload['payload'] = { website: input.websiteId, ...input.page, data };
  if (!payload.referrer) delete payload.referrer;
  if (input.name !== undefined) payload.name = input.name;
  return { type: 'event', payload };
}
