import { act, Component, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker, type FakeTracker } from '../../test/fake-tracker';
import { ErrorBoundary } from '../error-boundary/error-boundary';
import { markReported } from '../internal/reported-errors';
import { TrackingProvider } from '../provider/tracking-provider';
import { rootErrorHandlers } from './root-error-handlers';

// createRoot with act() needs this flag outside testing-library.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let thrown: unknown;
function Bomb(): ReactNode {
  throw thrown;
}

class PlainBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>plain fallback</p> : this.props.children;
  }
}

let tracker: FakeTracker;
let container: HTMLElement;
let root: Root | undefined;
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  tracker = createFakeTracker();
  thrown = new Error('boom');
  container = document.createElement('div');
  document.body.append(container);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  vi.restoreAllMocks();
});

function mount(ui: ReactNode, options = rootErrorHandlers(tracker)): void {
  root = createRoot(container, options);
  act(() => root!.render(<TrackingProvider tracker={tracker}>{ui}</TrackingProvider>));
}

const reports = () =>
  tracker.callsOf('trackError') as [unknown, { handled?: boolean; componentStack?: string }][];

describe('rootErrorHandlers with a real React root', () => {
  it('does not report again what <ErrorBoundary> already reported', () => {
    mount(
      <ErrorBoundary fallback={<p>ours</p>}>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(container.textContent).toBe('ours');
    expect(reports()).toHaveLength(1); // positive control: the boundary's own report
    expect(consoleError).toHaveBeenCalledWith(thrown, expect.stringContaining('Bomb'));
  });

  it('does not report a thrown primitive twice either', () => {
    thrown = 'a string';
    mount(
      <ErrorBoundary fallback={<p>ours</p>}>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(reports().map(([error]) => error)).toEqual(['a string']);
  });

  it('reports errors caught by another boundary as handled, with the component stack', () => {
    mount(
      <PlainBoundary>
        <Bomb />
      </PlainBoundary>,
    );
    expect(container.textContent).toBe('plain fallback');
    expect(reports()).toHaveLength(1);
    const [error, context] = reports()[0]!;
    expect(error).toBe(thrown);
    expect(context.handled).toBe(true);
    expect(context.componentStack).toContain('Bomb');
  });

  it('reports uncaught errors as unhandled and logs them', () => {
    // Inside act() React collects uncaught errors and rethrows them instead of calling onUncaughtError, so this
    // one renders the way an app does: outside act, flushed synchronously.
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      root = createRoot(container, rootErrorHandlers(tracker));
      flushSync(() => root!.render(<Bomb />));
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(container.textContent).toBe('');
    expect(reports()).toHaveLength(1);
    expect(reports()[0]![0]).toBe(thrown);
    expect(reports()[0]![1].handled).toBe(false);
    expect(consoleError).toHaveBeenCalledWith(thrown, expect.stringContaining('Bomb'));
  });

  it('calls the app callbacks instead of the default logging', () => {
    const onCaughtError = vi.fn();
    const onUncaughtError = vi.fn();
    mount(
      <PlainBoundary>
        <Bomb />
      </PlainBoundary>,
      rootErrorHandlers(tracker, { onCaughtError, onUncaughtError }),
    );
    expect(onCaughtError).toHaveBeenCalledWith(
      thrown,
      expect.objectContaining({ componentStack: expect.any(String) }),
    );
    expect(onUncaughtError).not.toHaveBeenCalled();
    expect(consoleError.mock.calls.filter((call: unknown[]) => call[0] === thrown)).toHaveLength(0);
    expect(reports()).toHaveLength(1);
    // Positive control: without an app callback the same probe sees the default logging.
    rootErrorHandlers(tracker).onCaughtError(thrown, {});
    expect(consoleError.mock.calls.filter((call: unknown[]) => call[0] === thrown)).toHaveLength(1);
  });

  it('reports hydration mismatches through onRecoverableError', () => {
    const onRecoverableError = vi.fn();
    container.innerHTML = '<p>server text</p>';
    act(() => {
      root = hydrateRoot(container, <p>client text</p>, rootErrorHandlers(tracker, { onRecoverableError }));
    });
    expect(onRecoverableError).toHaveBeenCalledTimes(1);
    expect(reports()).toHaveLength(1);
    expect(reports()[0]![1]).toMatchObject({ handled: true, extra: { recoverable: true } });
  });
});

describe('rootErrorHandlers called directly', () => {
  it('skips an error object that was already reported', () => {
    const handlers = rootErrorHandlers(tracker);
    const fresh = new Error('fresh');
    const seen = new Error('seen');
    markReported(seen);
    handlers.onUncaughtError(fresh, {});
    handlers.onUncaughtError(seen, {});
    expect(reports().map(([error]) => error)).toEqual([fresh]);
    expect(consoleError).toHaveBeenCalledWith(seen);
  });

  it('still runs the app callback when the tracker throws', () => {
    tracker.trackError = () => {
      throw new Error('tracker bug');
    };
    const onRecoverableError = vi.fn();
    const handlers = rootErrorHandlers(tracker, { onRecoverableError });
    expect(() => handlers.onRecoverableError(new Error('x'), { componentStack: '\n at X' })).not.toThrow();
    expect(onRecoverableError).toHaveBeenCalledTimes(1);
  });

  it('lets an exception from the app callback through unchanged', () => {
    const appError = new Error('app callback bug');
    const handlers = rootErrorHandlers(tracker, {
      onCaughtError: () => {
        throw appError;
      },
    });
    let caught: unknown;
    try {
      handlers.onCaughtError(new Error('x'), {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(appError);
    expect(reports()).toHaveLength(1);
  });
});
