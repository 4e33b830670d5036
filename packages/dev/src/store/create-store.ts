import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { RECORD_KINDS, type RecordKind, type RecordOf } from './types';

const FLUSH_INTERVAL_MS = 20;
const FLUSH_BYTES = 256 * 1024;

/** Options of {@link createStore}. */
export interface StoreOptions {
  /** Folder of the JSONL files (created when missing). */
  dataDir: string;
  /** Records of each kind kept in memory for the dashboard; older ones stay on disk only. @default 5000 */
  maxInMemory?: number;
  /** Called once per write failure kind, so a full disk is reported but never crashes the collector. */
  onWriteError?: (error: unknown) => void;
}

/** Everything the collector received, in memory and appended to `<dataDir>/<kind>.jsonl`. */
export interface Store {
  /** Reads what earlier runs wrote; a torn last line (a crash mid-write) is skipped. */
  load(): Promise<void>;
  add<K extends RecordKind>(kind: K, record: RecordOf[K]): void;
  list<K extends RecordKind>(kind: K): readonly RecordOf[K][];
  /** All records of this kind ever added or loaded, including those no longer held in memory. */
  total(kind: RecordKind): number;
  /** Changes whenever something is added, so pollers can tell cheaply whether to refresh. */
  readonly revision: number;
  /** Saves a decoded replay batch under `<dataDir>/replay/<session>/<seq>.bin`; resolves to its path. */
  saveReplayBatch(sessionID: string, seq: number, bytes: Uint8Array): Promise<string | undefined>;
  readonly dataDir: string;
  /** Flushes and closes the files. */
  close(): Promise<void>;
}

/** Creates the store. Call {@link Store.load} before serving so a restart loses nothing. */
export function createStore(options: StoreOptions): Store {
  const max = options.maxInMemory ?? 5000;
  const memory = new Map<RecordKind, unknown[]>(RECORD_KINDS.map((k) => [k, []]));
  const totals = new Map<RecordKind, number>(RECORD_KINDS.map((k) => [k, 0]));
  const streams = new Map<RecordKind, WriteStream>();
  let revision = 0;
  let reported = false;
  let dirReady: Promise<void> | undefined;
  // Lines are batched per kind and written every few milliseconds in one call: one write per record (one
  // writev per event-loop turn) cost more than the handlers themselves under load.
  const pending = new Map<RecordKind, string[]>();
  let pendingBytes = 0;
  let flushTimer: NodeJS.Timeout | undefined;

  const reportOnce = (error: unknown) => {
    if (reported) return;
    reported = true;
    options.onWriteError?.(error);
  };

  const keep = (kind: RecordKind, record: unknown) => {
    const list = memory.get(kind)!;
    list.push(record);
    // Trimmed in steps, not on every add: splicing a full array per record made the store the hot spot.
    if (list.length > max + Math.ceil(max / 4)) list.splice(0, list.length - max);
    totals.set(kind, (totals.get(kind) ?? 0) + 1);
    revision++;
  };

  const streamFor = (kind: RecordKind): WriteStream => {
    let stream = streams.get(kind);
    if (stream === undefined) {
      stream = createWriteStream(join(options.dataDir, `${kind}.jsonl`), { flags: 'a' });
      stream.on('error', reportOnce);
      streams.set(kind, stream);
    }
    return stream;
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    pendingBytes = 0;
    for (const [kind, lines] of pending) if (lines.length > 0) streamFor(kind).write(lines.join(''));
    pending.clear();
  };

  return {
    dataDir: options.dataDir,
    get revision() {
      return revision;
    },
    async load() {
      await mkdir(options.dataDir, { recursive: true });
      for (const kind of RECORD_KINDS) {
        const file = join(options.dataDir, `${kind}.jsonl`);
        try {
          const lines = createInterface({
            input: createReadStream(file),
            crlfDelay: Number.POSITIVE_INFINITY,
          });
          for await (const line of lines) {
            if (line.trim() === '') continue;
            try {
              keep(kind, JSON.parse(line));
            } catch {
              // A line torn by a crash mid-write; the rest of the file is still good.
            }
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') reportOnce(error);
        }
      }
    },
    add(kind, record) {
      keep(kind, record);
      let line: string;
      try {
        line = `${JSON.stringify(record)}\n`;
      } catch (error) {
        reportOnce(error);
        return;
      }
      let lines = pending.get(kind);
      if (lines === undefined) {
        lines = [];
        pending.set(kind, lines);
      }
      lines.push(line);
      pendingBytes += line.length;
      if (pendingBytes > FLUSH_BYTES) flush();
      else if (flushTimer === undefined) flushTimer = setTimeout(flush, FLUSH_INTERVAL_MS);
    },
    list(kind) {
      const list = memory.get(kind) as RecordOf[typeof kind][];
      return list.length > max ? list.slice(-max) : list;
    },
    total(kind) {
      return totals.get(kind) ?? 0;
    },
    async saveReplayBatch(sessionID, seq, bytes) {
      const safe = sessionID.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || 'unknown';
      const dir = join(options.dataDir, 'replay', safe);
      const file = join(dir, `${String(seq).padStart(5, '0')}.bin`);
      try {
        dirReady ??= mkdir(join(options.dataDir, 'replay'), { recursive: true }).then(() => undefined);
        await dirReady;
        await mkdir(dir, { recursive: true });
        await writeFile(file, bytes);
        return file;
      } catch (error) {
        reportOnce(error);
        return undefined;
      }
    },
    async close() {
      flush();
      const closing = [...streams.values()].map(
        (s) => new Promise<void>((resolve) => (s.closed ? resolve() : s.end(() => resolve()))),
      );
      streams.clear();
      await Promise.all(closing);
    },
  };
}
