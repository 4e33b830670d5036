import type { BulkDocument } from './to-document';

/** One `_bulk` request body and the documents it holds, in the order of its response items. */
export interface BulkChunk {
  documents: BulkDocument[];
  body: string;
}

/**
 * Serializes documents as `_bulk` NDJSON (`index` actions, so a redelivered `_id` overwrites) and splits
 * them into bodies of at most `maxBytes` UTF-8 bytes. A single document larger than the bound travels
 * alone: OpenSearch judges it (`http.max_content_length`), not the forwarder.
 */
export function toBulkChunks(documents: readonly BulkDocument[], maxBytes: number): BulkChunk[] {
  const chunks: BulkChunk[] = [];
  let current: BulkChunk = { documents: [], body: '' };
  let currentBytes = 0;
  for (const doc of documents) {
    const entry = toBulkEntry(doc);
    const bytes = Buffer.byteLength(entry);
    if (current.documents.length > 0 && currentBytes + bytes > maxBytes) {
      chunks.push(current);
      current = { documents: [], body: '' };
      currentBytes = 0;
    }
    current.documents.push(doc);
    current.body += entry;
    currentBytes += bytes;
  }
  if (current.documents.length > 0) chunks.push(current);
  return chunks;
}

function toBulkEntry(doc: BulkDocument): string {
  return `${JSON.stringify({ index: { _index: doc.index, _id: doc.id } })}\n${JSON.stringify(doc.source)}\n`;
}
