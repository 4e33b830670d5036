import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applySetup, createCall } from '../handlers/opensearch-setup';

const dir = join(import.meta.dirname, '..', 'opensearch');
const input = {
  name: 'usermetrics-logs',
  indexTemplate: JSON.parse(readFileSync(join(dir, 'index-template.json'), 'utf8')),
  ismPolicy: JSON.parse(readFileSync(join(dir, 'ism-policy.json'), 'utf8')),
};

let server: Server | undefined;
afterEach(() => server?.close());

/** A stand-in OpenSearch on 127.0.0.1 that stores what it is sent and answers like the real one. */
async function standIn(policyExists: boolean) {
  const calls: { method: string; url: string; body: string }[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', body });
      const policy = req.url?.startsWith('/_plugins/_ism/policies/');
      if (policy && req.method === 'PUT' && policyExists && !req.url?.includes('if_seq_no')) {
        res.writeHead(409).end('{"error":"version_conflict_engine_exception"}');
      } else if (policy && req.method === 'GET') {
        res.writeHead(200).end('{"_id":"usermetrics-logs","_seq_no":7,"_primary_term":2,"policy":{}}');
      } else res.writeHead(200).end('{"acknowledged":true}');
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { calls, call: createCall(`http://127.0.0.1:${port}`) };
}

describe('the deploy-time OpenSearch setup', () => {
  it('PUTs the index template and creates the ISM policy from the committed files', async () => {
    const { calls, call } = await standIn(false);
    await applySetup(call, input);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /_index_template/usermetrics-logs',
      'PUT /_plugins/_ism/policies/usermetrics-logs',
    ]);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual(input.indexTemplate);
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual(input.ismPolicy);
  });

  it('updates an existing policy with its seq_no and primary_term', async () => {
    const { calls, call } = await standIn(true);
    await applySetup(call, input);
    expect(calls.map((c) => `${c.method} ${c.url}`).slice(1)).toEqual([
      'PUT /_plugins/_ism/policies/usermetrics-logs',
      'GET /_plugins/_ism/policies/usermetrics-logs',
      'PUT /_plugins/_ism/policies/usermetrics-logs?if_seq_no=7&if_primary_term=2',
    ]);
  });

  it('fails the deploy when the domain refuses', async () => {
    server = createServer((_req, res) => res.writeHead(403).end('{"message":"no permissions"}'));
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await expect(applySetup(createCall(`http://127.0.0.1:${port}`), input)).rejects.toThrow(
      /index template: HTTP 403/,
    );
  });
});
