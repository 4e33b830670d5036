/**
 * The browser globals the tracker uses, read once. Tests pass their own; under SSR there is no window and
 * {@link getBrowserEnv} returns undefined, so nothing global is ever touched.
 */
export interface BrowserEnv {
  window: Window;
  document: Document;
  navigator: Navigator;
  location: Location;
  fetch: typeof fetch;
}

/** The current page's globals, or undefined outside a browser (SSR, workers without document). */
export function getBrowserEnv(): BrowserEnv | undefined {
  if (typeof window === 'undefined' || typeof document === 'undefined') return undefined;
  const w = window;
  if (typeof w.fetch !== 'function') return undefined;
  return {
    window: w,
    document: w.document,
    navigator: w.navigator,
    location: w.location,
    // Bound and captured before any hook (ours or OpenReplay's) wraps fetch, so our own requests are never
    // decorated with X-Session-Id nor recorded by replay network capture.
    fetch: w.fetch.bind(w),
  };
}

/** Adds a listener and returns the function that removes it, so shutdown can undo everything it added. */
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  options?: AddEventListenerOptions,
): () => void {
  target.addEventListener(type, handler, options);
  return () => target.removeEventListener(type, handler, options);
}
