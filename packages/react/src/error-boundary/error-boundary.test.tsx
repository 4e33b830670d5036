import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTracker, deferred, type FakeTracker } from '../../test/fake-tracker';
import { TrackingProvider } from '../provider/tracking-provider';
import type { ErrorBoundaryFallbackProps } from '../types';
import { ErrorBoundary } from './error-boundary';

let shouldThrow: unknown;
let throwing = false;
function Bomb(): React.ReactElement {
  if (throwing) throw shouldThrow;
  return <p>content</p>;
}

let otherThrows = false;
function OtherBomb(): React.ReactElement {
  if (otherThrows) throw new Error('other failed');
  return <p>other content</p>;
}

let lastFallback: ErrorBoundaryFallbackProps | undefined;
function renderFallback(props: ErrorBoundaryFallbackProps): React.ReactElement {
  lastFallback = props;
  return <p>fallback {props.errorId ?? 'pending'}</p>;
}

let tracker: FakeTracker;
beforeEach(() => {
  tracker = createFakeTracker();
  shouldThrow = new Error('render failed');
  throwing = true;
  otherThrows = false;
  lastFallback = undefined;
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs caught errors
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const settle = () => act(async () => {});

describe('ErrorBoundary', () => {
  it('renders the fallback element and reports the error once with its component stack', async () => {
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={<p>sorry</p>}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    const reports = tracker.callsOf('trackError');
    expect(reports).toHaveLength(1);
    const [error, context] = reports[0] as [unknown, { componentStack: string; handled: boolean }];
    expect(error).toBe(shouldThrow);
    expect(context.componentStack).toContain('Bomb');
    expect(context.handled).toBe(true);
  });

  it('reports exactly once under StrictMode', async () => {
    render(
      <StrictMode>
        <TrackingProvider tracker={tracker}>
          <ErrorBoundary fallback={<p>sorry</p>}>
            <Bomb />
          </ErrorBoundary>
        </TrackingProvider>
      </StrictMode>,
    );
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    expect(tracker.callsOf('trackError')).toHaveLength(1);
  });

  it('passes error, component stack, replay URL and, once it arrives, the errorId to the render prop', async () => {
    const report = deferred<string | undefined>();
    tracker.nextErrorId = () => report.promise;
    tracker.replayUrl = 'https://replay.example.com/session/1';
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={renderFallback}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    expect(screen.getByText('fallback pending')).toBeTruthy();
    expect(lastFallback?.error).toBe(shouldThrow);
    expect(lastFallback?.componentStack).toContain('Bomb');
    expect(lastFallback?.replayUrl).toBe('https://replay.example.com/session/1');

    await act(async () => report.resolve('0190a5e6-errorid'));
    expect(screen.getByText('fallback 0190a5e6-errorid')).toBeTruthy();
    expect(lastFallback?.errorId).toBe('0190a5e6-errorid');
  });

  it('calls onError once, after the report settled, with the errorId', async () => {
    const onError = vi.fn();
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={<p>sorry</p>} onError={onError}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, componentStack, errorId] = onError.mock.calls[0]!;
    expect(error).toBe(shouldThrow);
    expect(componentStack).toContain('Bomb');
    expect(errorId).toMatch(/^error-/);
  });

  it('handles a thrown null as an error', async () => {
    shouldThrow = null;
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={renderFallback}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(screen.getByText(/^fallback/)).toBeTruthy();
    expect(lastFallback?.error).toBeNull();
    expect(tracker.callsOf('trackError').map(([error]) => error)).toEqual([null]);
  });

  it('renders the children again after resetError and tells onReset why', async () => {
    const onReset = vi.fn();
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={renderFallback} onReset={onReset}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    throwing = false;
    act(() => lastFallback!.resetError());
    expect(screen.getByText('content')).toBeTruthy();
    expect(onReset).toHaveBeenCalledWith({ reason: 'resetError', error: shouldThrow });
  });

  it('resets when a reset key changes, but not in the update that caught the error', async () => {
    const onReset = vi.fn();
    const view = render(<KeyedBoundary path="/a" onReset={onReset} />);
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    view.rerender(<KeyedBoundary path="/a" onReset={onReset} />);
    expect(screen.getByText('sorry')).toBeTruthy(); // same keys: still the fallback

    throwing = false;
    view.rerender(<KeyedBoundary path="/b" onReset={onReset} />);
    expect(screen.getByText('content')).toBeTruthy();
    expect(onReset).toHaveBeenCalledWith({ reason: 'resetKeys', error: shouldThrow });
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('keeps the fallback when the key change itself makes the child throw', async () => {
    throwing = false;
    const view = render(<KeyedBoundary path="/a" />);
    throwing = true;
    view.rerender(<KeyedBoundary path="/b" />);
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    expect(tracker.callsOf('trackError')).toHaveLength(1);
  });

  it('ignores an errorId that arrives after the boundary was reset', async () => {
    const report = deferred<string | undefined>();
    tracker.nextErrorId = () => report.promise;
    otherThrows = true;
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={renderFallback}>
          <Bomb />
        </ErrorBoundary>
        <ErrorBoundary fallback={({ errorId }) => <p>other {errorId ?? 'pending'}</p>}>
          <OtherBomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    const reset = lastFallback!.resetError;
    throwing = false;
    act(() => reset());
    await act(async () => report.resolve('late-id'));
    expect(screen.getByText('content')).toBeTruthy();
    // Positive control: the boundary that was not reset does show the same late errorId.
    expect(screen.getAllByText(/late-id/).map((e) => e.textContent)).toEqual(['other late-id']);
  });

  it('renders nothing when the fallback throws, reporting the fallback error once', async () => {
    const fallbackError = new Error('fallback broke');
    render(
      <TrackingProvider tracker={tracker}>
        <main>
          <ErrorBoundary
            fallback={() => {
              throw fallbackError;
            }}
          >
            <Bomb />
          </ErrorBoundary>
        </main>
      </TrackingProvider>,
    );
    await settle();
    expect(document.querySelector('main')?.innerHTML).toBe('');
    // React commits the inner guard first, so the fallback's error is reported before the original one.
    const reported = tracker.callsOf('trackError').map(([error]) => error);
    expect(reported).toHaveLength(2);
    expect(reported).toEqual(expect.arrayContaining([shouldThrow, fallbackError]));
  });

  it('does not report again when the fallback rethrows the original error', async () => {
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary
          fallback={({ error }) => {
            throw error;
          }}
        >
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(tracker.callsOf('trackError').map(([error]) => error)).toEqual([shouldThrow]);
  });

  it('still renders the fallback when the tracker throws', async () => {
    const onError = vi.fn();
    tracker.trackError = () => {
      throw new Error('tracker bug');
    };
    tracker.getReplayUrl = () => {
      throw new Error('tracker bug');
    };
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary fallback={<p>sorry</p>} onError={onError}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    expect(onError).toHaveBeenCalledWith(shouldThrow, expect.stringContaining('Bomb'), undefined);
  });

  it('renders null without a fallback, and works outside a provider with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <section>
        <ErrorBoundary>
          <Bomb />
        </ErrorBoundary>
      </section>,
    );
    await settle();
    expect(document.querySelector('section')?.innerHTML).toBe('');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('hands an exception from onError back to the host unchanged', async () => {
    vi.useFakeTimers();
    const appError = new Error('onError bug');
    render(
      <TrackingProvider tracker={tracker}>
        <ErrorBoundary
          fallback={<p>sorry</p>}
          onError={() => {
            throw appError;
          }}
        >
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await settle();
    expect(screen.getByText('sorry')).toBeTruthy();
    let thrown: unknown;
    try {
      vi.runAllTimers();
    } catch (error) {
      thrown = error;
    }
    vi.useRealTimers();
    expect(thrown).toBe(appError);
  });
});

function KeyedBoundary(props: { path: string; onReset?: () => void }): React.ReactElement {
  return (
    <TrackingProvider tracker={tracker}>
      <ErrorBoundary fallback={<p>sorry</p>} resetKeys={[props.path]} onReset={props.onReset}>
        <Bomb />
      </ErrorBoundary>
    </TrackingProvider>
  );
}
