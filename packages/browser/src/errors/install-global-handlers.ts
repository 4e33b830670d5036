/** Options of {@link installGlobalHandlers}. */
export interface GlobalHandlerOptions {
  window: Window;
  onError: (error: unknown) => void;
}

/**
 * Listens for uncaught errors and unhandled rejections on `window` (listeners, not `window.onerror`
 * assignment, so the app's own handlers keep working). Returns the function that removes both.
 * Cross-origin "Script error." events carry nothing useful and are skipped.
 */
export function installGlobalHandlers(options: GlobalHandlerOptions): () => void {
  const { window: w, onError } = options;
  const onErrorEvent = (event: Event): void => {
    const e = event as ErrorEvent;
    // Resource load failures (img, script 404) also fire 'error' but are not ErrorEvents with a message.
    if (typeof e.message !== 'string' && e.error === undefined) return;
    if (e.error === undefined || e.error === null) {
      if (!e.message || e.message === 'Script error.' || e.message === 'Script error') return;
      onError(new Error(e.message));
      return;
    }
    onError(e.error);
  };
  const onRejection = (event: Event): void => {
    onError((event as PromiseRejectionEvent).reason);
  };
  w.addEventListener('error', onErrorEvent);
  w.addEventListener('unhandledrejection', onRejection);
  return () => {
    w.removeEventListener('error', onErrorEvent);
    w.removeEventListener('unhandledrejection', onRejection);
  };
}
