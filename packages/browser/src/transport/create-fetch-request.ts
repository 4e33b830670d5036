import type { MakeRequest } from './types';

/** The network primitives {@link createFetchRequest} uses; tests pass stubs. */
export interface FetchRequestDeps {
  fetch: typeof fetch;
  /** `navigator.sendBeacon` bound to navigator, when the browser has it. */
  sendBeacon?: (url: string, data: BodyInit) => boolean;
}

/**
 * The browser `makeRequest`: `fetch` normally; on page hide `sendBeacon` (a text/plain Blob, which needs no
 * CORS preflight — application/json would) with a `keepalive` fetch as fallback when the beacon is refused.
 * A queued beacon counts as status 202: the browser owns delivery from there. `keepalive` alone (an error
 * report on a hidden page) skips the beacon, so the answer (the errorId) stays readable if the page lives on.
 */
export function createFetchRequest(deps: FetchRequestDeps): MakeRequest {
  return async (request) => {
    if (request.beacon && deps.sendBeacon) {
      let queued = false;
      try {
        queued = deps.sendBeacon(request.url, new Blob([request.body], { type: request.contentType }));
      } catch {
        queued = false;
      }
      if (queued) return { status: 202 };
    }
    const send = (keepalive: boolean): Promise<Response> =>
      deps.fetch(request.url, {
        method: 'POST',
        body: request.body,
        headers: { 'Content-Type': request.contentType },
        keepalive,
        credentials: 'omit',
      });
    // keepalive bodies in flight are capped at 64 KiB in total, and a request over the cap fails like a network
    // error (which, twice, would look like a CORS refusal to the transport): sent once more without it.
    const keepalive = request.beacon === true || request.keepalive === true;
    const response = await send(keepalive).catch((e: unknown) =>
      keepalive ? send(false) : Promise.reject(e),
    );
    let body: string | undefined;
    if (request.readBody) {
      try {
        body = await response.text();
      } catch {
        body = undefined;
      }
    }
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), body };
  };
}
