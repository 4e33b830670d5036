import type { TrackErrorContext, Tracker } from '@usermetrics/browser';
import { isReportingBoundary, reportOnce } from '../internal/reported-errors';
import type { RootErrorCallback, RootErrorHandlers, RootErrorHandlersOptions, RootErrorInfo } from '../types';

// React's defaults are not importable. Logging with console.error keeps the developer's console output; React's
// default for uncaught and recoverable errors (window.reportError) is not used because it also fires a window
// `error` event, which the tracker's global handler would report a second time, without the component stack.
function logError(error: unknown, errorInfo: RootErrorInfo): void {
  if (errorInfo.componentStack)
    console.error(error, `\nThe above error occurred in:${errorInfo.componentStack}`);
  else console.error(error);
}

/**
 * The React 19 root error options (`onUncaughtError`, `onCaughtError`, `onRecoverableError`), reporting through
 * `tracker`. Errors already reported by an {@link ErrorBoundary} are not sent again. Your own callbacks from
 * `options` run after the report and replace React's default console logging.
 *
 * @example
 * const tracker = createTracker(config);
 * createRoot(document.getElementById('root')!, rootErrorHandlers(tracker)).render(
 *   <TrackingProvider tracker={tracker}><App /></TrackingProvider>,
 * );
 */
export function rootErrorHandlers(
  tracker: Tracker,
  options: RootErrorHandlersOptions = {},
): RootErrorHandlers {
  const handler =
    (own: RootErrorCallback | undefined, context: TrackErrorContext): RootErrorCallback =>
    (error, errorInfo) => {
      // <ErrorBoundary> reports what it catches itself, thrown primitives included (they cannot be remembered).
      if (!isReportingBoundary(errorInfo.errorBoundary)) {
        reportOnce(tracker, error, { ...context, componentStack: errorInfo.componentStack || undefined });
      }
      (own ?? logError)(error, errorInfo);
    };
  return {
    onUncaughtError: handler(options.onUncaughtError, { handled: false }),
    onCaughtError: handler(options.onCaughtError, { handled: true }),
    onRecoverableError: handler(options.onRecoverableError, { handled: true, extra: { recoverable: true } }),
  };
}
