import type { ApiGatewayV2Result } from './types';

/** An HTTP answer ready to write. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Maps a handler's return value onto HTTP the way API Gateway HTTP API (format 2.0) does: an object with a
 * `statusCode` is a structured result (headers, cookies → Set-Cookie, base64 bodies); anything else is
 * inferred as a 200 JSON body. A result API Gateway could not map answers 502, as on AWS.
 */
export function toHttpResponse(result: unknown): HttpAnswer {
  if (result === undefined || result === null) return json(200, result === null ? 'null' : '');
  if (typeof result === 'string') return json(200, result);
  if (typeof result !== 'object' || !('statusCode' in result)) {
    try {
      return json(200, JSON.stringify(result));
    } catch {
      return badGateway();
    }
  }
  const r = result as ApiGatewayV2Result;
  if (
    typeof r.statusCode !== 'number' ||
    !Number.isInteger(r.statusCode) ||
    r.statusCode < 100 ||
    r.statusCode > 599
  ) {
    return badGateway();
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    if (Array.isArray(values)) headers[name.toLowerCase()] = values.map(String);
  }
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (Array.isArray(r.cookies) && r.cookies.length > 0) headers['set-cookie'] = r.cookies.map(String);
  const rawBody = typeof r.body === 'string' ? r.body : '';
  const body = r.isBase64Encoded === true ? Buffer.from(rawBody, 'base64') : Buffer.from(rawBody, 'utf8');
  return { status: r.statusCode, headers, body };
}

function json(status: number, body: string): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
}

function badGateway(): HttpAnswer {
  return json(
    502,
    JSON.stringify({ message: 'Internal Server Error', reason: 'malformed Lambda proxy response' }),
  );
}
