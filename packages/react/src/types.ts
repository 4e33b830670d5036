import type {
  ConsentState,
  PageViewOptions,
  TrackErrorContext,
  Tracker,
  TrackerConfig,
} from '@usermetrics/browser';
import type { ReactNode } from 'react';

/** Props of {@link TrackingProvider}: give it a `config` (it creates and owns the tracker) or a ready `tracker`. */
export type TrackingProviderProps = {
  /** The part of the app that can use {@link useTracking}; rendered at once, before the tracker starts. */
  children?: ReactNode;
} & (
  | {
      /** Configuration for a tracker the provider creates after mount and shuts down on unmount. Read once. */
      config: TrackerConfig;
      tracker?: undefined;
    }
  | {
      /** A tracker you created; the provider never shuts it down. */
      tracker: Tracker;
      config?: undefined;
    }
);

/** What {@link useTracking} returns. Functions are stable while the tracker stays the same; none throws. */
export interface TrackingApi {
  /** Sends a custom event (analytics consent). */
  trackEvent(name: string, data?: Record<string, unknown>): void;
  /** Sends a page view for `url` (default: the current location). */
  trackPageView(url?: string, options?: PageViewOptions): void;
  /** Reports an error; resolves with the server's errorId, or undefined. Never rejects. */
  trackError(error: unknown, context?: TrackErrorContext): Promise<string | undefined>;
  /** Changes consent at once. */
  setConsent(consent: Partial<ConsentState>): void;
  /** The session id when this component rendered ('' before the tracker starts, under SSR and for the no-op). */
  sessionId: string;
  /** The OpenReplay session URL once replay runs. */
  getReplayUrl(): string | undefined;
  /** The tracker itself, for everything else (`getStats`, `flush`, …). */
  tracker: Tracker;
}

/** What the {@link ErrorBoundary} fallback render prop receives. */
export interface ErrorBoundaryFallbackProps {
  /** What was thrown; anything, even `null`. */
  error: unknown;
  /** React's component stack; '' for the very first fallback render (React supplies it before paint). */
  componentStack: string;
  /** Clears the error and renders the children again. */
  resetError: () => void;
  /** The server's errorId, once the report has been accepted; undefined before or when it was not sent. */
  errorId: string | undefined;
  /** The OpenReplay session URL at the time of the error, if replay runs. */
  replayUrl: string | undefined;
}

/** Why an {@link ErrorBoundary} reset: `resetError()` was called, or one of `resetKeys` changed. */
export interface ErrorBoundaryResetDetails {
  /** `resetError` when the fallback called it, `resetKeys` when one of the keys changed. */
  reason: 'resetError' | 'resetKeys';
  /** The error that was being shown. */
  error: unknown;
}

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What the boundary protects. */
  children?: ReactNode;
  /**
   * What to render instead of the children after an error: an element or a render function.
   * @default null (render nothing)
   */
  fallback?: ReactNode | ((props: ErrorBoundaryFallbackProps) => ReactNode);
  /** When any value changes (`Object.is`), a boundary showing its fallback resets, e.g. `[location.pathname]`. */
  resetKeys?: readonly unknown[];
  /** Called once per caught error, after the report settled, with the server's errorId (or undefined). */
  onError?: (error: unknown, componentStack: string, errorId: string | undefined) => void;
  /** Called when the boundary resets, before the children render again. */
  onReset?: (details: ErrorBoundaryResetDetails) => void;
}

/** `errorInfo` as React 19 passes it to the root error callbacks. */
export interface RootErrorInfo {
  /** React's component stack of the error, when React has one. */
  componentStack?: string | undefined;
  /** The class component that caught the error (onCaughtError only). */
  errorBoundary?: unknown;
}

/** A root error callback (`createRoot`/`hydrateRoot` options). */
export type RootErrorCallback = (error: unknown, errorInfo: RootErrorInfo) => void;

/** The three React 19 root error options, ready to spread into `createRoot(el, options)`. */
export interface RootErrorHandlers {
  /** Reports an error no boundary caught (`handled: false`). */
  onUncaughtError: RootErrorCallback;
  /** Reports an error a boundary caught, unless an `ErrorBoundary` of this package already did. */
  onCaughtError: RootErrorCallback;
  /** Reports an error React recovered from, e.g. a hydration mismatch (`extra.recoverable`). */
  onRecoverableError: RootErrorCallback;
}

/**
 * Options of {@link rootErrorHandlers}. A callback you pass here runs after the report and replaces React's
 * default logging, exactly as it would if you gave it to `createRoot` yourself.
 */
export interface RootErrorHandlersOptions {
  /**
   * Runs after an uncaught error is reported, instead of the default logging.
   * @default logs with console.error
   */
  onUncaughtError?: RootErrorCallback;
  /**
   * Runs after a caught error is handled, instead of the default logging.
   * @default logs with console.error
   */
  onCaughtError?: RootErrorCallback;
  /**
   * Runs after a recoverable error is reported, instead of the default logging.
   * @default logs with console.error
   */
  onRecoverableError?: RootErrorCallback;
}

/** Options of {@link usePageViews}. */
export interface PageViewsOptions {
  /** The current path, e.g. `location.pathname`. A page view is sent each time it (or `route`) changes. */
  pathname: string;
  /** The route pattern, e.g. `/users/:id`; when missing the tracker derives it from its `routes` config. */
  route?: string | undefined;
  /** The query string (`?a=1`), sent with the URL after the tracker's sanitizing. @default '' */
  search?: string | undefined;
  /** Set to false to pause tracking (e.g. until the route is known). @default true */
  enabled?: boolean | undefined;
}
