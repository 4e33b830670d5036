import type { Tracker } from '@usermetrics/browser';
import { Component, type ReactNode } from 'react';
import { REPORTS_OWN_ERRORS, reportOnce } from '../internal/reported-errors';

interface FallbackGuardProps {
  /** Renders the fallback; called here so that a throwing render prop is caught by this guard too. */
  render: () => ReactNode;
  /** The error the outer boundary already reported: a fallback rethrowing it is not reported twice. */
  original: unknown;
  tracker: Tracker | undefined;
}

// The render prop runs inside a child: an error boundary only catches what its children throw.
function RenderFallback(props: { render: () => ReactNode }): ReactNode {
  return props.render();
}

/** Keeps a broken fallback from taking the page down: renders nothing instead and reports the new error once. */
export class FallbackGuard extends Component<FallbackGuardProps, { failed: boolean }> {
  readonly [REPORTS_OWN_ERRORS] = true;
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: { componentStack?: string | null }): void {
    if (Object.is(error, this.props.original)) return;
    reportOnce(this.props.tracker, error, {
      componentStack: info.componentStack ?? undefined,
      handled: true,
      extra: { fallback: true },
    });
  }

  override render(): ReactNode {
    return this.state.failed ? null : <RenderFallback render={this.props.render} />;
  }
}
