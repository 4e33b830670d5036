import { Component, type ContextType, type ReactNode } from 'react';
import { NO_PROVIDER, rethrowAsync, warnOnce } from '../internal/dev-warning';
import { markReported, REPORTS_OWN_ERRORS } from '../internal/reported-errors';
import { TrackingContext } from '../provider/tracking-context';
import type { ErrorBoundaryProps, ErrorBoundaryResetDetails } from '../types';
import { FallbackGuard } from './fallback-guard';

/**
 * `incident` is 0 while the children render, else the number of the error shown (a late errorId is only applied
 * to the incident it belongs to). Not "no error" as `error === undefined`: `undefined` and `null` can be thrown.
 * Updates rely on `setState` merging, so each one names only what changes.
 */
interface ErrorBoundaryState {
  incident: number;
  error?: unknown;
  componentStack?: string;
  errorId?: string | undefined;
  replayUrl?: string | undefined;
}

let incidents = 0;

function keysChanged(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((value, i) => !Object.is(value, b[i]));
}

/**
 * Catches render errors below it, reports each one once through the tracker (with React's component stack),
 * and renders `fallback` instead. A fallback that throws renders nothing (its error is reported once); a tracker
 * that throws still gets the fallback shown.
 *
 * @example
 * <ErrorBoundary
 *   resetKeys={[pathname]}
 *   fallback={({ errorId, resetError }) => (
 *     <p>Something broke (ref {errorId ?? '…'}). <button onClick={resetError}>Try again</button></p>
 *   )}
 * >
 *   <Page />
 * </ErrorBoundary>
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  static override contextType = TrackingContext;
  declare context: ContextType<typeof TrackingContext>;
  /** Lets `rootErrorHandlers` know this boundary reports what it catches. */
  readonly [REPORTS_OWN_ERRORS] = true;
  override state: ErrorBoundaryState = { incident: 0 };

  /** React lifecycle: switches to the fallback for whatever was thrown (even `null`). */
  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    // Clears what an earlier incident left: the first fallback render must not show its errorId.
    return { incident: ++incidents, error, componentStack: '', errorId: undefined, replayUrl: undefined };
  }

  override componentDidCatch(error: unknown, info: { componentStack?: string | null }): void {
    const componentStack = info.componentStack ?? '';
    // getDerivedStateFromError has already switched to the fallback and numbered the incident.
    const { incident } = this.state;
    const tracker = this.context?.tracker;
    if (!tracker && typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
      warnOnce(NO_PROVIDER);
    }
    let replayUrl: string | undefined;
    let report: Promise<string | undefined> | undefined;
    markReported(error);
    try {
      report = tracker?.trackError(error, { componentStack, handled: true });
      replayUrl = tracker?.getReplayUrl();
    } catch {
      // A broken tracker must not cost the user the fallback.
    }
    this.setState({ componentStack, replayUrl });
    Promise.resolve(report)
      .catch(() => undefined)
      .then((errorId) => {
        if (errorId !== undefined && this.state.incident === incident) this.setState({ errorId });
        try {
          this.props.onError?.(error, componentStack, errorId);
        } catch (callbackError) {
          rethrowAsync(callbackError);
        }
      });
  }

  override componentDidUpdate(prevProps: ErrorBoundaryProps, prevState: ErrorBoundaryState): void {
    // Only a boundary that was already showing its fallback resets: the update that caught the error may
    // itself carry the key change.
    if (this.state.incident && prevState.incident && keysChanged(prevProps.resetKeys, this.props.resetKeys)) {
      this.reset('resetKeys');
    }
  }

  private reset(reason: ErrorBoundaryResetDetails['reason']): void {
    const { incident, error } = this.state;
    if (!incident) return;
    this.props.onReset?.({ reason, error });
    this.setState({ incident: 0, error: undefined }); // do not keep the error alive
  }

  /** Clears the error and renders the children again (what the fallback's `resetError` calls). */
  resetError = (): void => this.reset('resetError');

  /** React lifecycle: the children, or the fallback while an error is shown. */
  override render(): ReactNode {
    const { incident, error, componentStack = '', errorId, replayUrl } = this.state;
    if (!incident) return this.props.children;
    const { fallback } = this.props;
    const render = (): ReactNode =>
      typeof fallback === 'function'
        ? fallback({ error, componentStack, resetError: this.resetError, errorId, replayUrl })
        : (fallback ?? null);
    return <FallbackGuard render={render} original={error} tracker={this.context?.tracker} />;
  }
}
