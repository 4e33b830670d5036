import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One bulk action line and its document, as the stand-in parsed them. */
export interface ReceivedDocument {
  index: string;
  id: string;
  source: Record<string, unknown>;
}

/** Decides the per-document status of a bulk request (attempt counts requests, from 1). */
export type ItemStatus = (doc: ReceivedDocument, attempt: number) => number;

/**
 * A local HTTP stand-in for OpenSearch's `_bulk` endpoint on 127.0.0.1 (port 0): parses NDJSON bodies and
 * answers with a real-shaped bulk response whose per-item statuses come from `itemStatus`.
 */
export async function startOpenSearchStandIn(itemStatus: ItemStatus = () => 201) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const docs = parseBulk(body);
      const items = docs.map((doc) => {
        const status = itemStatus(doc, requests.length);
        return {
          index: {
            _index: doc.index,
            _id: doc.id,
            status,
            ...(status >= 300 ? { error: errorFor(status) } : {}),
          },
        };
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ took: 3, errors: items.some((i) => i.index.status >= 300), items }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Every document of every request, in arrival order. */
    documents: () => requests.flatMap((r) => parseBulk(r.body)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** NDJSON `_bulk` body → documents; only `index` actions, as the forwarder writes. */
export function parseBulk(body: string): ReceivedDocument[] {
  const lines = body.split('\n').filter((l) => l.length > 0);
  const docs: ReceivedDocument[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const action = JSON.parse(lines[i] as string) as { index: { _index: string; _id: string } };
    docs.push({
      index: action.index._index,
      id: action.index._id,
      source: JSON.parse(lines[i + 1] as string),
    });
  }
  return docs;
}

function errorFor(status: number) {
  if (status === 429) {
    return {
      type: 'es_rejected_execution_exception',
      reason: 'rejected execution of coordinating operation',
    };
  }
  if (status === 400) {
    return {
      type: 'mapper_parsing_exception',
      reason: 'failed to parse field [context] of type [flat_object]',
    };
  }
  return { type: 'unavailable_shards_exception', reason: 'primary shard is not active' };
}
