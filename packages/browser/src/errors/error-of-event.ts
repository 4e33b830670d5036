/**
 * The error an `error` / `unhandledrejection` event carries, or undefined when there is nothing worth
 * reporting: resource load failures (no message, no error) and cross-origin "Script error." events.
 */
export function errorOfEvent(event: Event): { error: unknown } | undefined {
  if (event.type === 'unhandledrejection') return { error: (event as PromiseRejectionEvent).reason };
  const e = event as ErrorEvent;
  if (e.error !== undefined && e.error !== null) return { error: e.error };
  if (typeof e.message !== 'string' || !e.message || /^Script error\.?$/.test(e.message)) return undefined;
  return { error: new Error(e.message) };
}
