type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `fn` in a task of its own when the browser is idle (requestIdleCallback with a 5 s timeout, else a
 * timer). The unit of the tracker's after-load work: each step gets one, so none adds up to a long task.
 * Returns the canceller.
 */
export function nextIdle(window: Window, fn: () => void): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback) {
    const h = w.requestIdleCallback(fn, { timeout: 5000 });
    return () => w.cancelIdleCallback?.(h);
  }
  const h = w.setTimeout(fn, 1);
  return () => w.clearTimeout(h);
}
