import type { IngestionContext, IngestionEvent } from './types';

/** The request facts the pipeline needs, the same for v1, v2 and Function URL events. */
export interface IngestionRequest {
  /** Upper-case; empty when the event carries none. */
  method: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string | undefined;
  isBase64Encoded: boolean;
  requestId: string | undefined;
}

/**
 * Reads an API Gateway / Function URL event defensively: any field may be missing or of the wrong type
 * (hand-made test events, other integrations), and nothing here may throw on that.
 */
export function readRequest(event: IngestionEvent, context: IngestionContext | undefined): IngestionRequest {
  const e = (typeof event === 'object' && event !== null ? event : {}) as IngestionEvent;
  const rc = typeof e.requestContext === 'object' && e.requestContext !== null ? e.requestContext : undefined;
  const method = str(rc?.http?.method) ?? str(e.httpMethod) ?? str(rc?.httpMethod) ?? '';
  return {
    method: method.toUpperCase(),
    headers: readHeaders(e),
    body: typeof e.body === 'string' ? e.body : undefined,
    isBase64Encoded: e.isBase64Encoded === true,
    requestId: str(context?.awsRequestId) ?? str(rc?.requestId),
  };
}

function readHeaders(e: IngestionEvent): Record<string, string> {
  // A null-prototype object: header names such as `__proto__` or `constructor` are plain keys here.
  const out: Record<string, string> = Object.create(null);
  const multi = e.multiValueHeaders;
  if (typeof multi === 'object' && multi !== null) {
    for (const [name, values] of Object.entries(multi)) {
      if (Array.isArray(values) && values.length > 0) out[name.toLowerCase()] = values.map(String).join(', ');
    }
  }
  const single = e.headers;
  if (typeof single === 'object' && single !== null) {
    for (const [name, value] of Object.entries(single)) {
      if (typeof value === 'string') out[name.toLowerCase()] = value;
    }
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
