import { LIMITS, utf8ByteLength } from '@usermetrics/core';
import type { DropReason } from '../types';
import type { Clock } from './types';

/** Options of {@link createBatchQueue}. */
export interface BatchQueueOptions<T> {
  /** Byte budget of everything queued. */
  maxQueueBytes: number;
  /** Items per request. @default LIMITS.maxMetricsPerBatch (50) */
  maxItems?: number;
  /** Bytes per request body. @default LIMITS.maxBeaconBytes (60 KiB) */
  maxRequestBytes?: number;
  /** Items with the same key go in the same request (e.g. the session id of the envelope). */
  keyOf(item: T): string;
  /** Serializes one request body; must be `prefix + items joined by ',' + suffix` shaped JSON. */
  envelope(key: string, items: readonly T[]): string;
  /** Sends one batch; resolves when done (never rejects). */
  send(body: string, items: readonly T[], beacon: boolean): Promise<void>;
  onDrop(reason: DropReason, count: number): void;
  flushIntervalMs: number;
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
}

/** A byte-budgeted queue that sends in batches of ≤ maxItems and ≤ maxRequestBytes. */
export interface BatchQueue<T> {
  add(item: T): void;
  /** Sends everything queued, split into batches. `beacon` when the page is going away. */
  flush(beacon?: boolean): Promise<void>;
  /** Drops every queued item, counting it under `reason`. */
  clear(reason: DropReason): void;
  size(): number;
  /** Stops the interval timer. */
  stop(): void;
}

interface Entry<T> {
  item: T;
  key: string;
  bytes: number;
}

/**
 * Creates the batch queue. Unlike Faro's batch executor it never re-queues items a send failed on (the
 * transport already retried) and its timer is a one-shot armed on the first add, so an idle page keeps no
 * interval running and a double start cannot leak one.
 */
export function createBatchQueue<T>(options: BatchQueueOptions<T>): BatchQueue<T> {
  const maxItems = options.maxItems ?? LIMITS.maxMetricsPerBatch;
  const maxRequestBytes = options.maxRequestBytes ?? LIMITS.maxBeaconBytes;
  let entries: Entry<T>[] = [];
  let queuedBytes = 0;
  let timer: unknown;
  let stopped = false;

  const overhead = (key: string): number => utf8ByteLength(options.envelope(key, []));
  const itemBytes = (key: string, item: T): number =>
    utf8ByteLength(options.envelope(key, [item])) - overhead(key);

  function arm(): void {
    if (timer !== undefined || stopped) return;
    timer = options.clock.setTimeout(() => {
      timer = undefined;
      void flush(false);
    }, options.flushIntervalMs);
  }

  function batches(taken: Entry<T>[]): { key: string; items: T[] }[] {
    const out: { key: string; items: T[]; bytes: number }[] = [];
    const open = new Map<string, { key: string; items: T[]; bytes: number }>();
    for (const entry of taken) {
      let batch = open.get(entry.key);
      // +1 for the comma between items.
      const extra = entry.bytes + (batch && batch.items.length > 0 ? 1 : 0);
      if (!batch || batch.items.length >= maxItems || batch.bytes + extra > maxRequestBytes) {
        batch = { key: entry.key, items: [], bytes: overhead(entry.key) };
        open.set(entry.key, batch);
        out.push(batch);
      }
      batch.bytes += entry.bytes + (batch.items.length > 0 ? 1 : 0);
      batch.items.push(entry.item);
    }
    return out;
  }

  async function flush(beacon = false): Promise<void> {
    if (timer !== undefined) {
      options.clock.clearTimeout(timer);
      timer = undefined;
    }
    if (entries.length === 0) return;
    const taken = entries;
    entries = [];
    queuedBytes = 0;
    const sends = batches(taken).map(({ key, items }) =>
      options.send(options.envelope(key, items), items, beacon),
    );
    await Promise.all(sends);
  }

  return {
    add(item) {
      const key = options.keyOf(item);
      const bytes = itemBytes(key, item);
      if (overhead(key) + bytes > maxRequestBytes) return options.onDrop('too_large', 1);
      if (queuedBytes + bytes > options.maxQueueBytes) return options.onDrop('queue_full', 1);
      entries.push({ item, key, bytes });
      queuedBytes += bytes;
      if (entries.length >= maxItems || queuedBytes >= maxRequestBytes) void flush(false);
      else arm();
    },
    flush,
    clear(reason) {
      if (entries.length > 0) options.onDrop(reason, entries.length);
      entries = [];
      queuedBytes = 0;
    },
    size: () => entries.length,
    stop() {
      stopped = true;
      if (timer !== undefined) options.clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
