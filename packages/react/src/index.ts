/**
 * @usermetrics/react — React bindings for @usermetrics/browser: <TrackingProvider>, useTracking(),
 * <ErrorBoundary>, usePageViews() and the React 19 root error handlers. react-router users: see
 * `@usermetrics/react/router`.
 * @packageDocumentation
 */
export type { ConsentState, TrackErrorContext, Tracker, TrackerConfig } from '@usermetrics/browser';
export { ErrorBoundary } from './error-boundary/error-boundary';
export { usePageViews } from './page-views/use-page-views';
export { TrackingProvider } from './provider/tracking-provider';
export { useTracking } from './provider/use-tracking';
export { rootErrorHandlers } from './root/root-error-handlers';
export type {
  ErrorBoundaryFallbackProps,
  ErrorBoundaryProps,
  ErrorBoundaryResetDetails,
  PageViewsOptions,
  RootErrorCallback,
  RootErrorHandlers,
  RootErrorHandlersOptions,
  RootErrorInfo,
  TrackingApi,
  TrackingProviderProps,
} from './types';
