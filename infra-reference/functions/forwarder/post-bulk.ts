import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';

/** The signed HTTP call the forwarder makes; injected so tests can count or fail it. */
export type PostBulk = (body: string) => Promise<HttpAnswer>;

/** Status and body of an HTTP answer. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** What {@link createPostBulk} needs. */
export interface PostBulkOptions {
  /** OpenSearch domain endpoint with scheme, e.g. `https://search-logs-abc.eu-west-1.es.amazonaws.com`. */
  endpoint: string;
  signer: Pick<SignatureV4, 'sign'>;
  /** Signing time; injected so a test can recompute the signature. */
  now: () => number;
  /** Socket timeout of one request. */
  timeoutMs: number;
}

/**
 * Returns a function that POSTs one NDJSON body to `<endpoint>/_bulk`, SigV4-signed over the exact bytes
 * sent. Rejects when the domain cannot be reached (connection refused, DNS, timeout); resolves with any
 * HTTP answer, whatever its status, and leaves judging it to the caller.
 */
export function createPostBulk(options: PostBulkOptions): PostBulk {
  const url = new URL(options.endpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`OPENSEARCH_ENDPOINT must start with https:// (got ${url.protocol})`);
  }
  const path = `${url.pathname.replace(/\/+$/, '')}/_bulk`;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return async (body) => {
    const unsigned: HttpRequest = {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path,
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-ndjson' },
      body,
    };
    const signed = await options.signer.sign(unsigned, { signingDate: new Date(options.now()) });
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = send(
        {
          method: 'POST',
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port || undefined,
          path,
          headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: options.timeoutMs,
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer from OpenSearch within ${options.timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
