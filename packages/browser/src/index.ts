/**
 * @usermetrics/browser — browser tracking orchestrator: web vitals, error capture, Umami page views, lazily
 * loaded OpenReplay replay, consent and a batching transport. SSR-safe.
 * @packageDocumentation
 */
export type { CallQueue } from './loader/call-queue';
export { createCallQueue } from './loader/call-queue';
export { createNoopTracker } from './tracker/create-noop-tracker';
export { createTracker } from './tracker/create-tracker';
export {
  getTracker,
  initializeTracking,
  reportError,
  reportWebVitals,
  setupGlobalErrorHandlers,
  trackError,
  trackPageView,
} from './tracker/default-tracker';
export type {
  ConsentCategory,
  ConsentState,
  DropReason,
  ErrorsOptions,
  PageViewOptions,
  ReplayOptions,
  ReplaySanitizationRules,
  TrackErrorContext,
  Tracker,
  TrackerConfig,
  TrackerStats,
  TransportOptions,
  UmamiOptions,
  WebVitalsOptions,
} from './types';
