import type { TrackErrorContext, Tracker, TrackerConfig } from '../types';
import { createNoopTracker } from './create-noop-tracker';
import { createTracker } from './create-tracker';
import { trackerControls } from './start-tracker';

// The no-op is the value before initialisation, so none of the helpers below needs a null check.
let current: Tracker = createNoopTracker();

/**
 * Creates the default tracker used by the reference helpers (`trackPageView`, `trackError`, …). Calling it
 * again shuts the previous default tracker down first. Never rejects.
 * @example
 * await initializeTracking({ endpoint: 'https://api.example.com' });
 */
export async function initializeTracking(config: TrackerConfig): Promise<void> {
  // shutdown() frees the window's one-tracker slot at once (its sending finishes later), so the new tracker is
  // a new one and not the running previous.
  const stopping = current.shutdown();
  current = createTracker(config);
  await stopping;
}

/** The default tracker: a no-op before {@link initializeTracking}. */
export function getTracker(): Tracker {
  return current;
}

/** Sends a page view through the default tracker. */
export function trackPageView(url?: string): void {
  current.trackPageView(url);
}

/** Reports an error through the default tracker; resolves with the server's errorId. Never rejects. */
export function trackError(error: unknown, context?: TrackErrorContext): Promise<string | undefined> {
  return current.trackError(error, context);
}

/** Alias of {@link trackError}, the name the reference architecture uses. */
export function reportError(error: unknown, context?: TrackErrorContext): Promise<string | undefined> {
  return current.trackError(error, context);
}

/**
 * Kept for the reference architecture's call sites; does nothing. Web vitals start with the tracker's runtime,
 * after the page's load event (web-vitals' buffered observers still report what happened before), so there is
 * nothing left to start; `webVitals: false` turns them off.
 */
export function reportWebVitals(): void {}

/**
 * Installs the `error` / `unhandledrejection` listeners on the default tracker. {@link initializeTracking}
 * already does this unless `errors.captureGlobal` is false, so this is how an app that opted out turns them
 * on later. Idempotent; does nothing when `errors: false` was configured or before initialisation.
 */
export function setupGlobalErrorHandlers(): void {
  try {
    trackerControls.get(current)?.installGlobalHandlers();
  } catch {
    // never throws into the page
  }
}
