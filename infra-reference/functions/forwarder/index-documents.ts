import { toBulkChunks } from './bulk-body';
import type { PostBulk } from './post-bulk';
import type { BulkDocument } from './to-document';

/** A document OpenSearch refused for good (a 4xx other than 429): skipped, and logged with the reason. */
export interface RejectedDocument {
  index: string;
  id: string;
  status: number;
  type?: string;
  reason?: string;
}

/** What happened to the documents of one invocation. */
export interface IndexSummary {
  indexed: number;
  rejected: RejectedDocument[];
  /** Re-sends of documents OpenSearch answered 429/5xx for, summed over attempts. */
  resent: number;
  requests: number;
}

/** How {@link indexDocuments} talks to OpenSearch and waits between attempts. */
export interface IndexOptions {
  post: PostBulk;
  maxBulkBytes: number;
  /** Attempts per bulk request, the first included. */
  maxAttempts: number;
  /** Delay before attempt `n + 1` (n ≥ 1). */
  backoffMs: (attempt: number) => number;
  sleep: (ms: number) => Promise<void>;
}

interface BulkItem {
  status: number;
  error?: { type?: string; reason?: string };
}

/**
 * Sends the documents in bulk requests under `maxBulkBytes` each. Items answered 429 or 5xx are re-sent —
 * only those, after a backoff, at most `maxAttempts` times; items answered with another 4xx are skipped and
 * reported. Throws when OpenSearch stays unreachable, refuses a whole request, or keeps answering 429/5xx
 * for some items: Lambda then retries the batch (documents carry their CloudWatch id, so what was already
 * indexed is overwritten, not duplicated) and finally hands it to the on-failure destination.
 */
export async function indexDocuments(
  documents: readonly BulkDocument[],
  options: IndexOptions,
): Promise<IndexSummary> {
  const summary: IndexSummary = { indexed: 0, rejected: [], resent: 0, requests: 0 };
  for (const chunk of toBulkChunks(documents, options.maxBulkBytes)) {
    let pending = chunk.documents;
    let body = chunk.body;
    for (let attempt = 1; ; attempt++) {
      const retry = await sendOnce(pending, body, options, summary, attempt);
      if (retry.length === 0) break;
      if (attempt >= options.maxAttempts) {
        throw new Error(
          `OpenSearch still answered 429/5xx for ${retry.length} documents after ${attempt} attempts`,
        );
      }
      if (retry !== pending) {
        summary.resent += retry.length;
        pending = retry;
        body = toBulkChunks(pending, Number.POSITIVE_INFINITY)[0]?.body ?? '';
      }
      await options.sleep(options.backoffMs(attempt));
    }
  }
  return summary;
}

/** One bulk request; returns the documents to send again (all of them when the whole request may be retried). */
async function sendOnce(
  pending: BulkDocument[],
  body: string,
  options: IndexOptions,
  summary: IndexSummary,
  attempt: number,
): Promise<BulkDocument[]> {
  summary.requests++;
  let answer: Awaited<ReturnType<PostBulk>>;
  try {
    answer = await options.post(body);
  } catch (err) {
    if (attempt >= options.maxAttempts) {
      throw new Error(`OpenSearch unreachable after ${attempt} attempts: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return pending;
  }
  if (isRetryable(answer.status)) return pending;
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(
      `OpenSearch refused the bulk request: HTTP ${answer.status} ${answer.body.slice(0, 300)}`,
    );
  }
  const items = parseItems(answer.body, pending.length);
  const retry: BulkDocument[] = [];
  items.forEach((item, i) => {
    const doc = pending[i] as BulkDocument;
    if (item.status >= 200 && item.status < 300) summary.indexed++;
    else if (isRetryable(item.status)) retry.push(doc);
    else {
      summary.rejected.push({
        index: doc.index,
        id: doc.id,
        status: item.status,
        ...(item.error?.type !== undefined ? { type: item.error.type } : {}),
        ...(item.error?.reason !== undefined ? { reason: item.error.reason } : {}),
      });
    }
  });
  return retry;
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The per-document answers of a `_bulk` response, in request order. */
function parseItems(body: string, expected: number): BulkItem[] {
  let items: unknown;
  try {
    items = (JSON.parse(body) as { items?: unknown }).items;
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items) || items.length !== expected) {
    throw new Error(`unexpected _bulk response (expected ${expected} items): ${body.slice(0, 300)}`);
  }
  return items.map((entry) => {
    const item = Object.values((entry ?? {}) as Record<string, BulkItem>)[0];
    return {
      status: typeof item?.status === 'number' ? item.status : 0,
      ...(item?.error ? { error: item.error } : {}),
    };
  });
}
