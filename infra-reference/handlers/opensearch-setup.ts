// The deploy-time step that applies opensearch/index-template.json and opensearch/ism-policy.json to the logs
// domain. infra/logs.ts runs it with an `aws.lambda.Invocation` whose input carries both files, so every deploy
// that changes either file re-applies them (and one that does not, does nothing). SigV4-signed like the forwarder.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SetupInput {
  /** Name of the index template and of the ISM policy (`usermetrics-logs`). */
  name: string;
  indexTemplate: unknown;
  ismPolicy: unknown;
}

export interface Answer {
  status: number;
  body: string;
}

/** One signed (or, in tests, plain) HTTP call to the domain. */
export type Call = (method: string, path: string, body?: string) => Promise<Answer>;

export function createCall(endpoint: string, signer?: Pick<SignatureV4, 'sign'>, timeoutMs = 10_000): Call {
  const url = new URL(endpoint);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return async (method, path, body) => {
    const [pathname, query = ''] = path.split('?');
    const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json' };
    const unsigned = {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: pathname as string,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers,
      body,
    };
    const signed = signer ? await signer.sign(unsigned) : unsigned;
    return new Promise<Answer>((resolve, reject) => {
      const req = send(
        {
          method,
          hostname: url.hostname,
          port: url.port || undefined,
          path,
          headers: {
            ...signed.headers,
            ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  };
}

function ok(a: Answer, what: string): void {
  if (a.status < 200 || a.status >= 300) throw new Error(`${what}: HTTP ${a.status} ${a.body.slice(0, 500)}`);
}

/**
 * PUT the index template (a plain overwrite), then create the ISM policy or, when it exists, update it with the
 * `if_seq_no`/`if_primary_term` OpenSearch requires. Throws on any refusal, so the deploy fails visibly.
 */
export async function applySetup(
  call: Call,
  input: SetupInput,
): Promise<{ template: number; policy: number }> {
  const template = await call('PUT', `/_index_template/${input.name}`, JSON.stringify(input.indexTemplate));
  ok(template, 'index template');
  const policyPath = `/_plugins/_ism/policies/${input.name}`;
  const body = JSON.stringify(input.ismPolicy);
  let policy = await call('PUT', policyPath, body);
  if (policy.status === 409) {
    const current = await call('GET', policyPath);
    ok(current, 'read ISM policy');
    const { _seq_no: seq, _primary_term: term } = JSON.parse(current.body) as {
      _seq_no: number;
      _primary_term: number;
    };
    policy = await call('PUT', `${policyPath}?if_seq_no=${seq}&if_primary_term=${term}`, body);
  }
  ok(policy, 'ISM policy');
  return { template: template.status, policy: policy.status };
}

export async function handler(event: SetupInput) {
  const endpoint = process.env.OPENSEARCH_ENDPOINT;
  if (!endpoint) throw new Error('OPENSEARCH_ENDPOINT is not set');
  const signer = new SignatureV4({
    service: process.env.OPENSEARCH_SERVICE || 'es',
    region: process.env.AWS_REGION || 'us-east-1',
    credentials: fromEnv(),
    sha256: Sha256,
  });
  return applySetup(createCall(endpoint, signer), event);
}
