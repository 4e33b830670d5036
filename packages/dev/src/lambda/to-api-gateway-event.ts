import type { IncomingHttpHeaders } from 'node:http';
import type { ApiGatewayV2Event } from './types';

/** The parts of an HTTP request the adapter reads. */
export interface LocalHttpRequest {
  method: string;
  /** Path and query, as on the request line (`/api/slow?sleepMs=900`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp?: string;
  httpVersion?: string;
}

/** How the event is labelled. */
export interface EventOptions {
  /** `GET /api/hello`, or `$default`. */
  routeKey: string;
  requestId: string;
  pathParameters?: Record<string, string>;
  /** @default Date.now */
  now?: () => number;
}

// Bodies API Gateway passes as text; everything else arrives base64-encoded with isBase64Encoded: true.
const TEXT_TYPES =
  /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript|graphql)|application\/[\w.+-]+\+(json|xml))/i;

/** True when API Gateway would pass a body of this Content-Type as plain text. */
export function isTextContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXT_TYPES.test(contentType.trim());
}

/**
 * Turns a local HTTP request into the event API Gateway HTTP API (payload format 2.0) gives a Lambda:
 * lower-case header names with repeated values joined by commas, cookies moved out of the headers into
 * `cookies`, `rawPath`/`rawQueryString`, repeated query parameters joined by commas, and non-text bodies
 * base64-encoded.
 */
export function toApiGatewayEvent(req: LocalHttpRequest, options: EventOptions): ApiGatewayV2Event {
  const now = (options.now ?? Date.now)();
  const queryAt = req.url.indexOf('?');
  const rawPath = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : req.url.slice(queryAt + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value)
        .split(';')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      continue;
    }
    headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const method = req.method.toUpperCase();
  const path = safeDecodePath(rawPath);
  const event: ApiGatewayV2Event = {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: path,
    rawQueryString,
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method,
        path,
        protocol: `HTTP/${req.httpVersion ?? '1.1'}`,
        sourceIp: normalizeIp(req.sourceIp),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: options.requestId,
      routeKey: options.routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
  if (cookies !== undefined && cookies.length > 0) event.cookies = cookies;
  const query = parseQuery(rawQueryString);
  if (query !== undefined) event.queryStringParameters = query;
  if (options.pathParameters !== undefined) event.pathParameters = options.pathParameters;
  if (req.body.length > 0) {
    if (isTextContentType(headers['content-type'])) {
      event.body = req.body.toString('utf8');
    } else {
      event.body = req.body.toString('base64');
      event.isBase64Encoded = true;
    }
  }
  return event;
}

function parseQuery(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

function safeDecodePath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function normalizeIp(ip: string | undefined): string {
  if (ip === undefined) return '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// API Gateway's `requestContext.time` format: 12/Mar/2020:19:03:58 +0000
function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}
