import type { TrackErrorContext, Tracker, TrackerConfig } from '../types';
import { createNoopTracker } from './create-noop-tracker';
import { createTracker } from './create-tracker';

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
 * Kept for the reference architecture: web vitals are collected by {@link initializeTracking} as soon as the
 * `performance` consent allows it, so this only exists so existing call sites keep compiling. It does nothing.
 */
export function reportWebVitals(): void {}

/**
 * Kept for the reference architecture: global `error`/`unhandledrejection` handlers are installed by
 * {@link initializeTracking} unless `errors.captureGlobal` is false. It does nothing on its own.
 */
export function setupGlobalErrorHandlers(): void {}
