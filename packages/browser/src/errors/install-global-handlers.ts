/** Options of {@link installGlobalHandlers}. */
export interface GlobalHandlerOptions {
  window: Window;
  /** Receives the raw `error` / `unhandledrejection` event; see `errorOfEvent` for what it holds. */
  onEvent: (event: Event) => void;
}

/**
 * Listens for uncaught errors and unhandled rejections on `window` (listeners, not `window.onerror`
 * assignment, so the app's own handlers keep working). Only hands the raw event on: reading and filtering
 * it is the runtime chunk's job. Returns the function that removes both listeners.
 */
export function installGlobalHandlers(options: GlobalHandlerOptions): () => void {
  const { window: w, onEvent } = options;
  w.addEventListener('error', onEvent);
  w.addEventListener('unhandledrejection', onEvent);
  return () => {
    w.removeEventListener('error', onEvent);
    w.removeEventListener('unhandledrejection', onEvent);
  };
}
