import type { Tracker } from '@usermetrics/browser';
import { Component, type ContextType, type ReactNode } from 'react';
import { NO_PROVIDER, rethrowAsync, warnOnce } from '../internal/dev-warning';
import { markReported, REPORTS_OWN_ERRORS } from '../internal/reported-errors';
import { TrackingContext } from '../provider/tracking-context';
import type { ErrorBoundaryProps, ErrorBoundaryResetDetails } from '../types';
import { FallbackGuard } from './fallback-guard';

// A discriminated union, because `null` and `undefined` can be thrown too: "no error" cannot be `error === null`.
type ErrorBoundaryState =
  | { status: 'ok' }
  | {
      status: 'caught';
      error: unknown;
      componentStack: string;
      errorId: string | undefined;
      replayUrl: string | undefined;
      /** Tells a late errorId which incident it belongs to, so a reset boundary ignores it. */
      incident: number;
    };

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
  override state: ErrorBoundaryState = { status: 'ok' };

  /** React lifecycle: switches to the fallback for whatever was thrown (even `null`). */
  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return {
      status: 'caught',
      error,
      componentStack: '',
      errorId: undefined,
      replayUrl: undefined,
      incident: ++incidents,
    };
  }

  private get tracker(): Tracker | undefined {
    if (!this.context) warnOnce(NO_PROVIDER);
    return this.context?.tracker;
  }

  override componentDidCatch(error: unknown, info: { componentStack?: string | null }): void {
    const componentStack = info.componentStack ?? '';
    // getDerivedStateFromError has already switched the state to 'caught' and numbered the incident.
    const { incident } = this.state as Extract<ErrorBoundaryState, { status: 'caught' }>;
    const tracker = this.tracker;
    let replayUrl: string | undefined;
    let report: Promise<string | undefined> = Promise.resolve(undefined);
    markReported(error);
    try {
      replayUrl = tracker?.getReplayUrl();
      if (tracker) report = Promise.resolve(tracker.trackError(error, { componentStack, handled: true }));
    } catch {
      // A broken tracker must not cost the user the fallback.
    }
    this.setState({ status: 'caught', error, componentStack, errorId: undefined, replayUrl, incident });
    report
      .catch(() => undefined)
      .then((errorId) => {
        const state = this.state;
        if (errorId !== undefined && state.status === 'caught' && state.incident === incident) {
          this.setState({ ...state, errorId });
        }
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
    if (
      this.state.status === 'caught' &&
      prevState.status === 'caught' &&
      keysChanged(prevProps.resetKeys, this.props.resetKeys)
    ) {
      this.reset('resetKeys');
    }
  }

  private reset(reason: ErrorBoundaryResetDetails['reason']): void {
    const state = this.state;
    if (state.status !== 'caught') return;
    this.props.onReset?.({ reason, error: state.error });
    this.setState({ status: 'ok' });
  }

  /** Clears the error and renders the children again (what the fallback's `resetError` calls). */
  resetError = (): void => this.reset('resetError');

  /** React lifecycle: the children, or the fallback while an error is shown. */
  override render(): ReactNode {
    const state = this.state;
    if (state.status === 'ok') return this.props.children;
    const { fallback } = this.props;
    const render = (): ReactNode =>
      typeof fallback === 'function'
        ? fallback({
            error: state.error,
            componentStack: state.componentStack,
            resetError: this.resetError,
            errorId: state.errorId,
            replayUrl: state.replayUrl,
          })
        : (fallback ?? null);
    return <FallbackGuard render={render} original={state.error} tracker={this.context?.tracker} />;
  }
}
