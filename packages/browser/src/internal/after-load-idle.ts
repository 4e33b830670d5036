import { nextIdle } from './next-idle';

/**
 * Runs `fn` once after the window's load event, when the browser is idle ({@link nextIdle}). Returns the
 * canceller.
 */
export function afterLoadIdle(w: Window, fn: () => void): () => void {
  let cancel = (): void => {};
  const idle = (): void => {
    cancel = nextIdle(w, fn);
  };
  if (w.document.readyState === 'complete') idle();
  else {
    w.addEventListener('load', idle, { once: true });
    cancel = () => w.removeEventListener('load', idle);
  }
  return () => cancel();
}
