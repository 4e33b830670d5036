import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'um-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const vital = (value: number) => ({ at: '2026-01-01T00:00:00.000Z', name: 'LCP', value, route: '/' });

describe('createStore', () => {
  it('appends records as JSONL and reloads them after a restart', async () => {
    const first = createStore({ dataDir: dir });
    await first.load();
    first.add('vitals', vital(1));
    first.add('vitals', vital(2));
    first.add('rejected', {
      at: 'x',
      method: 'POST',
      path: '/p',
      status: 400,
      code: 'invalid_json',
      message: 'm',
    });
    await first.close();
    const lines = (await readFile(join(dir, 'vitals.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).value)).toEqual([1, 2]);

    const second = createStore({ dataDir: dir });
    await second.load();
    expect(second.list('vitals').map((v) => v.value)).toEqual([1, 2]);
    expect(second.total('rejected')).toBe(1);
    second.add('vitals', vital(3));
    await second.close();
    const third = createStore({ dataDir: dir });
    await third.load();
    expect(third.list('vitals').map((v) => v.value)).toEqual([1, 2, 3]);
    await third.close();
  });

  it('skips a line torn by a crash and keeps the rest', async () => {
    await appendFile(join(dir, 'vitals.jsonl'), `${JSON.stringify(vital(1))}\n{"at":"2026-01-01T00:00:00.0`);
    const store = createStore({ dataDir: dir });
    await store.load();
    expect(store.list('vitals').map((v) => v.value)).toEqual([1]);
    await store.close();
  });

  it('keeps only the newest records in memory but counts them all', async () => {
    const store = createStore({ dataDir: dir, maxInMemory: 2 });
    await store.load();
    const before = store.revision;
    for (let i = 0; i < 5; i++) store.add('vitals', vital(i));
    expect(store.list('vitals').map((v) => v.value)).toEqual([3, 4]);
    expect(store.total('vitals')).toBe(5);
    expect(store.revision).toBe(before + 5);
    await store.close();
  });

  it('saves replay batches under the session folder, with unsafe characters replaced', async () => {
    const store = createStore({ dataDir: dir });
    await store.load();
    const file = await store.saveReplayBatch('../evil', 7, Uint8Array.from([1, 2, 3]));
    expect(file).toBe(join(dir, 'replay', '___evil', '00007.bin'));
    expect([...(await readFile(file as string))]).toEqual([1, 2, 3]);
    await store.close();
  });

  it('reports a write failure once instead of throwing', async () => {
    const errors: unknown[] = [];
    const store = createStore({
      dataDir: join(dir, 'missing', 'deeper'),
      onWriteError: (e) => errors.push(e),
    });
    store.add('vitals', vital(1));
    store.add('vitals', vital(2));
    await store.close();
    expect(errors).toHaveLength(1);
    expect(store.list('vitals')).toHaveLength(2);
  });
});
