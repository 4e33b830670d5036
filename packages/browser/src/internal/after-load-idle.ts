type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `fn` once after the window's load event, when the browser is idle (requestIdleCallback with a 5 s
 * timeout, else a timer). Returns the canceller.
 */
export function afterLoadIdle(window: Window, fn: () => void): () => void {
  const w = window as IdleWindow;
  let cancel = (): void => {};
  const idle = (): void => {
    if (w.requestIdleCallback) {
      const h = w.requestIdleCallback(fn, { timeout: 5000 });
      cancel = () => w.cancelIdleCallback?.(h);
    } else {
      const h = w.setTimeout(fn, 1);
      cancel = () => w.clearTimeout(h);
    }
  };
  if (w.document.readyState === 'complete') idle();
  else {
    w.addEventListener('load', idle, { once: true });
    cancel = () => w.removeEventListener('load', idle);
  }
  return () => cancel();
}
