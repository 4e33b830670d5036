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
  const previous = current;
  current = createTracker(config);
  await previous.shutdown();
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
 * Starts web-vitals collection on the default tracker. {@link initializeTracking} already does this, so
 * the call is idempotent and exists for the reference architecture's call sites; it does nothing when
 * `webVitals: false` was configured or before initialisation.
 */
export function reportWebVitals(): void {
  try {
    trackerControls.get(current)?.startWebVitals();
  } catch {
    // never throws into the page
  }
}

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
