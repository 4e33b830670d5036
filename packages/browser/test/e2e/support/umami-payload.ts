import { isUuid, UMAMI_LIMITS } from '@usermetrics/core';

/**
 * The rules Umami's own `/api/send` request schema applies (DESIGN §6). The stand-in answers 400 with the
 * first broken rule, as Umami would, so a payload the real server would drop fails the test instead.
 */
export interface UmamiEvent {
  type: 'event';
  payload: {
    website: string;
    hostname: string;
    language: string;
    screen: string;
    title: string;
    url: string;
    referrer: string;
    name?: string;
    data?: Record<string, unknown>;
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

function checkUrl(field: string, value: unknown, allowEmpty: boolean): string | undefined {
  if (typeof value !== 'string') return `${field} must be a string`;
  if (value === '' && allowEmpty) return undefined;
  if (value.length > UMAMI_LIMITS.url) return `${field} longer than ${UMAMI_LIMITS.url}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field} is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${field} is not http(s)`;
  if (url.username !== '' || url.password !== '') return `${field} carries credentials`;
  if (url.pathname.length + url.hash.length > UMAMI_LIMITS.urlPathAndHash)
    return `${field} path+hash too long`;
  if (url.search.length > UMAMI_LIMITS.urlQuery) return `${field} query too long`;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Returns the reason Umami would reject `body`, or undefined when it is a valid event. */
export function umamiRejection(body: unknown): string | undefined {
  if (!isPlainObject(body)) return 'body is not an object';
  if (body.type !== 'event') return 'type must be "event"';
  const p = body.payload;
  if (!isPlainObject(p)) return 'payload is not an object';
  if (!isUuid(p.website)) return 'website is not a uuid';
  const limits: [string, number][] = [
    ['hostname', UMAMI_LIMITS.hostname],
    ['language', UMAMI_LIMITS.language],
    ['screen', UMAMI_LIMITS.screen],
    ['title', UMAMI_LIMITS.title],
  ];
  for (const [field, max] of limits) {
    const value = p[field];
    if (value !== undefined && (typeof value !== 'string' || value.length > max))
      return `${field} invalid or > ${max}`;
  }
  if (typeof p.hostname !== 'string' || p.hostname === '') return 'hostname missing';
  const urlProblem =
    checkUrl('url', p.url, false) ??
    (p.referrer === undefined ? undefined : checkUrl('referrer', p.referrer, true));
  if (urlProblem) return urlProblem;
  if (p.name !== undefined) {
    if (typeof p.name !== 'string' || p.name.length > UMAMI_LIMITS.eventName)
      return 'name invalid or too long';
    if (FORMULA_START.test(p.name)) return 'name starts with a formula character';
  }
  if (p.data !== undefined && !isPlainObject(p.data)) return 'data is not a plain object';
  return undefined;
}
