import { isUuid, UMAMI_LIMITS } from '@usermetrics/core';

/** A payload Umami would store. */
export interface UmamiEvent {
  type: 'event' | 'identify';
  website: string;
  hostname?: string;
  language?: string;
  screen?: string;
  title?: string;
  url?: string;
  referrer?: string;
  name?: string;
  tag?: string;
  data?: Record<string, unknown>;
}

/** The outcome: the event, or the first rule it broke. */
export type UmamiValidation = { ok: true; event: UmamiEvent } | { ok: false; reason: string };

// Umami refuses names that a spreadsheet would run as a formula (= + - @, tab, carriage return).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Checks a `POST /api/send` body against Umami's own request rules (DESIGN §6), so the browser package is
 * tested against what the real Umami accepts: a uuid `website`; hostname ≤ 100, language ≤ 35, screen ≤ 11
 * characters; `name`/`tag` ≤ 50 and not formula-like; `url`/`referrer` ≤ 2000, http(s) only, without
 * credentials, path+hash ≤ 500 and query ≤ 500; `data` a plain object.
 */
export function validateUmamiPayload(body: unknown): UmamiValidation {
  if (!isPlainObject(body)) return fail('body must be a JSON object');
  if (body.type !== 'event' && body.type !== 'identify') return fail('type must be "event" or "identify"');
  const p = body.payload;
  if (!isPlainObject(p)) return fail('payload must be an object');
  if (typeof p.website !== 'string' || !isUuid(p.website)) return fail('payload.website must be a uuid');
  const lengths: [string, number][] = [
    ['hostname', UMAMI_LIMITS.hostname],
    ['language', UMAMI_LIMITS.language],
    ['screen', UMAMI_LIMITS.screen],
    ['title', UMAMI_LIMITS.title],
  ];
  for (const [key, max] of lengths) {
    const problem = checkString(p[key], key, max);
    if (problem !== undefined) return fail(problem);
  }
  for (const key of ['name', 'tag']) {
    const problem = checkString(p[key], key, UMAMI_LIMITS.eventName);
    if (problem !== undefined) return fail(problem);
    if (typeof p[key] === 'string' && FORMULA_START.test(p[key] as string)) {
      return fail(`payload.${key} must not start with = + - @, tab or carriage return`);
    }
  }
  for (const key of ['url', 'referrer']) {
    const problem = checkUrl(p[key], key);
    if (problem !== undefined) return fail(problem);
  }
  if (p.data !== undefined && !isPlainObject(p.data)) return fail('payload.data must be a plain object');
  const event: UmamiEvent = { type: body.type, website: p.website };
  for (const key of ['hostname', 'language', 'screen', 'title', 'url', 'referrer', 'name', 'tag'] as const) {
    if (typeof p[key] === 'string') event[key] = p[key] as string;
  }
  if (p.data !== undefined) event.data = p.data as Record<string, unknown>;
  return { ok: true, event };
}

function checkString(value: unknown, key: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `payload.${key} must be a string`;
  if (value.length > max) return `payload.${key} is longer than ${max} characters`;
  return undefined;
}

function checkUrl(value: unknown, key: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const problem = checkString(value, key, UMAMI_LIMITS.url);
  if (problem !== undefined) return problem;
  let url: URL;
  try {
    // The tracker sends absolute URLs; a bare path is read against a placeholder http origin.
    url = new URL(value as string, 'http://umami.invalid');
  } catch {
    return `payload.${key} is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `payload.${key} must be http(s)`;
  if (url.username !== '' || url.password !== '') return `payload.${key} must not carry credentials`;
  if (url.pathname.length + url.hash.length > UMAMI_LIMITS.urlPathAndHash) {
    return `payload.${key} path and hash are longer than ${UMAMI_LIMITS.urlPathAndHash} characters`;
  }
  if (url.search.length > UMAMI_LIMITS.urlQuery) {
    return `payload.${key} query is longer than ${UMAMI_LIMITS.urlQuery} characters`;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function fail(reason: string): UmamiValidation {
  return { ok: false, reason };
}
