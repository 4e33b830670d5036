import type { Transport } from './create-transport';

/**
 * `transport` whose requests, when sent while the page is hidden (it may be unloading: a tab closed, calls
 * queued before the runtime loaded), go with `keepalive` so they outlive the page. Error reports and Umami
 * requests go through it; web vitals have their own hide path (`sendBeacon`).
 */
export function keepaliveWhileHidden(
  transport: Transport,
  document: Pick<Document, 'visibilityState'>,
): Transport {
  return {
    ...transport,
    send: (request, options) =>
      transport.send({ ...request, keepalive: document.visibilityState === 'hidden' }, options),
  };
}
