/** Options of {@link propagateSessionHeader}. */
export interface PropagateOptions {
  window: Window;
  origins: readonly (string | RegExp)[];
  getSessionId: () => string;
  /** Called once per failure kind; the request itself always goes out. */
  onError: (key: string, error: unknown) => void;
}

/** The request header carrying the session id (DESIGN §2). */
export const SESSION_HEADER = 'X-Session-Id';

/** True when `url` (resolved against `base`) has an origin in the allowlist. */
export function isPropagationTarget(
  url: string,
  base: string,
  origins: readonly (string | RegExp)[],
): boolean {
  let origin: string;
  try {
    origin = new URL(url, base).origin;
  } catch {
    return false;
  }
  return origins.some((o) => (typeof o === 'string' ? o === origin : testRegExp(o, origin)));
}

function testRegExp(re: RegExp, value: string): boolean {
  // A global/sticky RegExp keeps lastIndex between calls and would answer differently each time.
  re.lastIndex = 0;
  return re.test(value);
}

/**
 * Wraps `fetch` and `XMLHttpRequest.prototype.open` so requests to allowed origins carry X-Session-Id.
 * Opt-in only (it changes the app's requests and can trigger CORS preflights). Returns the function that
 * restores the originals. A failure inside the hook never breaks the request: it falls back to the call
 * exactly as the app made it.
 */
export function propagateSessionHeader(options: PropagateOptions): () => void {
  const { window: w, origins, getSessionId, onError } = options;
  if (origins.length === 0) return () => {};
  const base = (): string => w.location.href;
  const originalFetch = w.fetch;
  // After restore, a wrapper someone else captured keeps working as a plain pass-through.
  let active = true;
  const wrappedFetch: typeof fetch = function (this: unknown, input, init) {
    let nextInit = init;
    try {
      // After shutdown the wrapper (others may have wrapped it in turn) only passes the call on.
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (active && isPropagationTarget(url, base(), origins)) {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        if (!headers.has(SESSION_HEADER)) headers.set(SESSION_HEADER, getSessionId());
        nextInit = { ...init, headers };
      }
    } catch (error) {
      onError('propagate.fetch', error);
      nextInit = init;
    }
    return originalFetch.call(this === w || this === undefined ? w : this, input, nextInit);
  };
  try {
    w.fetch = wrappedFetch;
  } catch (error) {
    // fetch made read-only by another tool: skip fetch propagation rather than fail the tracker.
    onError('propagate.install', error);
  }

  // XHR: the header is set right after `open` (the earliest moment setRequestHeader is allowed), so
  // `send` needs no wrapper and no per-request bookkeeping.
  const proto = (w as Window & { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest?.prototype;
  const originalOpen = proto?.open;
  let wrappedOpen: XMLHttpRequest['open'] | undefined;
  if (proto && originalOpen) {
    wrappedOpen = proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      const result = (originalOpen as (...a: unknown[]) => void).apply(this, args);
      try {
        if (active && isPropagationTarget(String(args[1]), base(), origins)) {
          this.setRequestHeader(SESSION_HEADER, getSessionId());
        }
      } catch (error) {
        onError('propagate.xhr', error);
      }
      return result;
    } as XMLHttpRequest['open'];
  }

  return () => {
    active = false;
    // Only restore what is still ours: if another library wrapped on top, unwrapping would remove theirs too.
    if (w.fetch === wrappedFetch) w.fetch = originalFetch;
    if (proto && proto.open === wrappedOpen) proto.open = originalOpen as XMLHttpRequest['open'];
  };
}
