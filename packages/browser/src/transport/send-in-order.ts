import type { Transport } from './create-transport';

/**
 * `transport` that sends one request at a time, each after the one before has settled, so they reach the
 * server in the order they were made. Umami records events in the order they arrive: the page views queued
 * before the runtime loaded are sent in one task, and parallel requests (one connection each) can arrive in
 * any order, which Umami would show as the visit's path. While the page is hidden (it may be unloading) a
 * request goes at once instead of waiting. `drain` waits for every request made so far.
 */
export function sendInOrder(transport: Transport, document: Pick<Document, 'visibilityState'>): Transport {
  let last: Promise<unknown> = Promise.resolve();
  return {
    ...transport,
    send: (request, options) => {
      if (document.visibilityState === 'hidden') return transport.send(request, options);
      // The transport's send never rejects (retries included): the chain cannot break.
      const sent = last.then(() => transport.send(request, options));
      last = sent;
      return sent;
    },
    // A flush waits for the requests still waiting their turn too, not only those the transport has started.
    drain: async () => {
      let seen: Promise<unknown>;
      do {
        seen = last;
        await seen;
      } while (seen !== last);
      await transport.drain();
    },
  };
}
