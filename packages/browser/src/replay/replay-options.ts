import { redact, redactString } from '@usermetrics/core';
import type { ReplayOptions } from '../types';
import { createDomSanitizer, type DomSanitizer } from './sanitization-rules';

/** The subset of OpenReplay's network sanitizer data we touch (kept structural: the package is optional). */
export interface NetworkData {
  url: string;
  request: { body: string | null; headers: Record<string, string> };
  response: { body: unknown; headers: Record<string, string> };
}

const DROPPED_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

function cleanHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) out[name] = redactString(String(value));
  }
  return out;
}

function cleanBody(body: unknown): unknown {
  if (body === null || body === undefined) return body;
  if (typeof body !== 'string') return redact(body);
  try {
    return JSON.stringify(redact(JSON.parse(body) as unknown));
  } catch {
    return redactString(body);
  }
}

/**
 * OpenReplay's network `sanitizer`: drops Authorization, Cookie and Set-Cookie, and runs core redaction over
 * header values and bodies (bodies exist only when the user turned `capturePayload` on). A user sanitizer
 * runs after ours, on already-clean data.
 */
export function sanitizeNetwork<T extends NetworkData>(data: T, user?: (d: T) => T | null): T | null {
  const clean = {
    ...data,
    url: redactString(data.url),
    request: { ...data.request, headers: cleanHeaders(data.request?.headers) },
    response: { ...data.response, headers: cleanHeaders(data.response?.headers) },
  } as T;
  clean.request.body = cleanBody(data.request?.body) as string | null;
  clean.response.body = cleanBody(data.response?.body);
  return user ? user(clean) : clean;
}

// OpenReplay's InputMode.Obscured (checked in @openreplay/tracker 19 types: Plain 0, Obscured 1, Hidden 2).
const INPUT_MODE_OBSCURED = 1;

/**
 * OpenReplay constructor options: the user's extra keys, then our privacy defaults, which the user may
 * loosen only where DESIGN §6 allows (network payload capture, still sanitized). Masking of emails,
 * numbers and inputs and `respectDoNotTrack` are always forced on; `sanitization` rules add masking.
 * Call it with rules that passed {@link rulesProblem}.
 */
export function buildReplayOptions(config: ReplayOptions): Record<string, unknown> {
  const { sampleRate: _sampleRate, sanitization, network, domSanitizer, ...extra } = config;
  const userNetwork = (network && typeof network === 'object' ? network : {}) as Record<string, unknown>;
  const userSanitizer =
    typeof userNetwork.sanitizer === 'function'
      ? (userNetwork.sanitizer as (d: NetworkData) => NetworkData | null)
      : undefined;
  return {
    consoleMethods: ['log', 'info', 'warn', 'error', 'debug', 'assert'],
    ...extra,
    projectKey: config.projectKey,
    ingestPoint: config.ingestPoint,
    obscureTextEmails: true,
    obscureInputEmails: true,
    obscureTextNumbers: true,
    obscureInputNumbers: true,
    defaultInputMode: INPUT_MODE_OBSCURED,
    respectDoNotTrack: true,
    // The app's rules (and its own domSanitizer, if any) can only raise the level (sanitization-rules.ts).
    domSanitizer: createDomSanitizer(
      sanitization,
      typeof domSanitizer === 'function' ? (domSanitizer as DomSanitizer) : undefined,
    ),
    network: {
      capturePayload: false,
      ...userNetwork,
      disabled: userNetwork.disabled === true,
      ignoreHeaders: ['Authorization', 'Cookie', 'Set-Cookie', 'Proxy-Authorization'],
      sanitizer: (data: NetworkData) => sanitizeNetwork(data, userSanitizer),
    },
  };
}
