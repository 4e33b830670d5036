import type { DebugLogger } from '../internal/debug-logger';
import type { Tracker } from '../types';
import { createErrorReporter, type ErrorReporterDeps } from './create-error-reporter';
import { errorOfEvent } from './error-of-event';

/** What error capture needs on top of the reporter's own dependencies. */
export interface ErrorCaptureDeps extends ErrorReporterDeps {
  log: DebugLogger;
  isClosed: () => boolean;
  /** Our own endpoints; page errors mentioning them are never reported. */
  ownUrls: readonly string[];
}

/** Manual and global error capture with the guards that rule out feedback loops. */
export interface ErrorCapture {
  trackError: Tracker['trackError'];
  /** Reports the error of a window `error`/`unhandledrejection` event (unhandled), unless it is about our own endpoints. */
  captureGlobal(event: Event): void;
}

/**
 * Wraps the reporter with three loop breakers besides its per-session cap and dedupe: a re-entrancy guard
 * (an error raised while we build a report is ignored), no reports about our own endpoints, and no
 * reports of transport failures at all (those are counted drops).
 */
export function createErrorCapture(deps: ErrorCaptureDeps): ErrorCapture {
  const reporter = createErrorReporter(deps);
  const { log } = deps;
  let reporting = false;

  const trackError: Tracker['trackError'] = (error, context) => {
    if (deps.isClosed() || reporting) return Promise.resolve(undefined);
    reporting = true;
    try {
      return reporter.report(error, context).catch((e: unknown) => {
        log.report('trackError', e);
        return undefined;
      });
    } catch (e) {
      log.report('trackError', e);
      return Promise.resolve(undefined);
    } finally {
      reporting = false;
    }
  };

  return {
    trackError,
    captureGlobal(event) {
      const found = errorOfEvent(event);
      // An app-level fetch wrapper may turn our own failed requests into page errors; reporting those
      // would feed the failure back into the transport.
      if (found && !mentionsOwnEndpoint(found.error, deps.ownUrls)) {
        void trackError(found.error, { handled: false });
      }
    },
  };
}

function mentionsOwnEndpoint(error: unknown, urls: readonly string[]): boolean {
  try {
    const e = error as { message?: unknown; stack?: unknown } | null;
    const text = typeof error === 'string' ? error : `${e?.message ?? ''}\n${e?.stack ?? ''}`;
    return urls.some((url) => text.includes(url));
  } catch {
    return false;
  }
}
