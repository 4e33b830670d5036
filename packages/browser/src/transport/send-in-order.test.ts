import { describe, expect, it } from 'vitest';
import type { Transport } from './create-transport';
import { sendInOrder } from './send-in-order';
import type { SendOutcome, TransportRequest } from './types';

/** A transport whose sends finish only when the test says so. */
function manualTransport() {
  const started: string[] = [];
  const finish: (() => void)[] = [];
  const transport: Transport = {
    send: (request: TransportRequest) =>
      new Promise<SendOutcome>((resolve) => {
        started.push(request.body);
        finish.push(() => resolve({ ok: true, status: 200 } as SendOutcome));
      }),
    drain: async () => {},
    close: () => {},
  };
  return { transport, started, finish };
}
const request = (body: string): TransportRequest => ({
  url: 'https://umami.example/api/send',
  body,
  contentType: 'application/json',
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('sendInOrder', () => {
  it('starts a request only after the one before has settled, in the order they were made', async () => {
    const { transport, started, finish } = manualTransport();
    const page: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
    const ordered = sendInOrder(transport, page);
    const first = ordered.send(request('first'));
    const second = ordered.send(request('second'));
    await tick();
    expect(started).toEqual(['first']);
    finish[0]?.();
    await expect(first).resolves.toMatchObject({ ok: true });
    await tick();
    expect(started).toEqual(['first', 'second']);
    finish[1]?.();
    await expect(second).resolves.toMatchObject({ ok: true });
  });

  it('sends at once while the page is hidden (positive control for the wait above)', async () => {
    const { transport, started } = manualTransport();
    const page: { visibilityState: DocumentVisibilityState } = { visibilityState: 'hidden' };
    const ordered = sendInOrder(transport, page);
    void ordered.send(request('first'));
    void ordered.send(request('second'));
    await tick();
    expect(started).toEqual(['first', 'second']);
  });

  it('drains only once every request made so far has been sent, the waiting ones included', async () => {
    const { transport, started, finish } = manualTransport();
    const ordered = sendInOrder(transport, { visibilityState: 'visible' });
    void ordered.send(request('first'));
    void ordered.send(request('second'));
    let drained = false;
    void ordered.drain().then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false); // nothing sent yet
    finish[0]?.();
    await tick();
    expect(started).toEqual(['first', 'second']);
    expect(drained).toBe(false); // the second is still in flight
    finish[1]?.();
    await tick();
    expect(drained).toBe(true);
  });
});
