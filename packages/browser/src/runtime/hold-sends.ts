import type { Transport } from '../transport/create-transport';

/** A transport whose sends wait for {@link HeldSends.release}; see {@link holdSends}. */
export interface HeldSends {
  transport: Transport;
  /** Sends what waits, in order; from now on sends go straight through. */
  release(): void;
}

/**
 * Wraps `transport` so that what a start-up step sends goes out in the next step: building the first Umami page
 * view (URL sanitizing, redaction, the payload: the first run of each) and the request (`fetch`) are each a
 * task of their own then, neither one long. Only `send` waits; `drain` and `close` are the transport's own.
 */
export function holdSends(transport: Transport): HeldSends {
  let held: (() => void)[] | undefined = [];
  return {
    transport: {
      ...transport,
      send: (request, options) =>
        held
          ? new Promise((resolve) => held?.push(() => resolve(transport.send(request, options))))
          : transport.send(request, options),
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const send of waiting) send();
    },
  };
}
