import { LIMITS, utf8ByteLength } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers';
import type { DropReason } from '../types';
import { createBatchQueue } from './create-batch-queue';

interface Item {
  s: string;
  v: string;
}

function setup(overrides: { maxQueueBytes?: number; flushIntervalMs?: number } = {}) {
  const clock = manualClock();
  const sentBodies: string[] = [];
  const beacons: boolean[] = [];
  const drops: Partial<Record<DropReason, number>> = {};
  const queue = createBatchQueue<Item>({
    maxQueueBytes: overrides.maxQueueBytes ?? 1_000_000,
    flushIntervalMs: overrides.flushIntervalMs ?? 5000,
    clock,
    keyOf: (i) => i.s,
    envelope: (key, items) => JSON.stringify({ metrics: items.map((i) => i.v), sessionId: key }),
    send: async (body, _items, beacon) => {
      sentBodies.push(body);
      beacons.push(beacon);
    },
    onDrop: (reason, n) => {
      drops[reason] = (drops[reason] ?? 0) + n;
    },
  });
  const parsed = () => sentBodies.map((b) => JSON.parse(b) as { metrics: string[]; sessionId: string });
  return { clock, queue, sentBodies, beacons, drops, parsed };
}

describe('createBatchQueue', () => {
  it('splits 120 items into requests of at most 50 (flushing on size as it goes)', async () => {
    const { queue, parsed } = setup();
    for (let i = 0; i < 120; i++) queue.add({ s: 'a', v: `m${i}` });
    await queue.flush();
    expect(parsed().map((b) => b.metrics.length)).toEqual([50, 50, 20]);
    expect(parsed().flatMap((b) => b.metrics)).toHaveLength(120);
  });

  it('keeps every request body at or under 60 KiB, splitting large items across requests', async () => {
    const { queue, sentBodies, parsed } = setup();
    const big = 'x'.repeat(7000); // ~8 items fit in 60 KiB
    for (let i = 0; i < 20; i++) queue.add({ s: 'a', v: `${i}${big}` });
    await queue.flush();
    expect(sentBodies.length).toBeGreaterThan(2);
    for (const body of sentBodies) expect(utf8ByteLength(body)).toBeLessThanOrEqual(LIMITS.maxBeaconBytes);
    // positive control: the batches are really filled close to the limit, not one item each
    expect(Math.max(...parsed().map((b) => b.metrics.length))).toBeGreaterThanOrEqual(8);
    expect(parsed().flatMap((b) => b.metrics)).toHaveLength(20);
  });

  it('counts multi-byte characters in bytes, not string length', async () => {
    const { queue, sentBodies } = setup();
    const euro = '€'.repeat(5000); // 15 000 bytes, 5000 chars
    for (let i = 0; i < 10; i++) queue.add({ s: 'a', v: euro });
    await queue.flush();
    for (const body of sentBodies) expect(utf8ByteLength(body)).toBeLessThanOrEqual(LIMITS.maxBeaconBytes);
    expect(sentBodies.length).toBeGreaterThanOrEqual(3);
  });

  it('drops an item that alone exceeds a request as too_large', async () => {
    const { queue, drops, sentBodies } = setup();
    queue.add({ s: 'a', v: 'x'.repeat(LIMITS.maxBeaconBytes) });
    queue.add({ s: 'a', v: 'ok' });
    await queue.flush();
    expect(drops.too_large).toBe(1);
    expect(sentBodies).toHaveLength(1);
  });

  it('drops as queue_full once the byte budget is used up', async () => {
    const { queue, drops } = setup({ maxQueueBytes: 2048 });
    for (let i = 0; i < 10; i++) queue.add({ s: 'a', v: 'y'.repeat(500) });
    expect(queue.size()).toBe(4);
    expect(drops.queue_full).toBe(6);
  });

  it('groups items by key so each request carries one session id', async () => {
    const { queue, parsed } = setup();
    queue.add({ s: 'a', v: '1' });
    queue.add({ s: 'b', v: '2' });
    queue.add({ s: 'a', v: '3' });
    await queue.flush();
    expect(parsed()).toEqual([
      { metrics: ['1', '3'], sessionId: 'a' },
      { metrics: ['2'], sessionId: 'b' },
    ]);
  });

  it('flushes on the interval, and passes the beacon flag through on demand', async () => {
    const { queue, clock, sentBodies, beacons } = setup({ flushIntervalMs: 5000 });
    queue.add({ s: 'a', v: '1' });
    await clock.advance(4999);
    expect(sentBodies).toHaveLength(0);
    await clock.advance(1);
    expect(sentBodies).toHaveLength(1);
    queue.add({ s: 'a', v: '2' });
    await queue.flush(true);
    expect(beacons).toEqual([false, true]);
  });

  it('clear() drops queued items under the given reason; stop() disarms the timer', async () => {
    const { queue, clock, drops, sentBodies } = setup();
    queue.add({ s: 'a', v: '1' });
    queue.add({ s: 'a', v: '2' });
    queue.clear('consent');
    expect(drops.consent).toBe(2);
    queue.add({ s: 'a', v: '3' });
    queue.stop();
    await clock.advance(60_000);
    expect(sentBodies).toHaveLength(0);
  });
});
