// Integration with the real createTracker from the built @usermetrics/browser (no mocks of it): the provider
// owns one live tracker under StrictMode, removes everything it installed on unmount, and an ErrorBoundary
// shows the errorId the ingestion API answered with.
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, TrackingProvider, useTracking } from '../src/index';

const ERROR_ID = '0190a5e6-7b3c-7def-8123-456789abcdef';
const config = {
  endpoint: 'https://api.example.com',
  umami: { websiteId: '4f6d2c1a-1b2c-4d3e-8f90-0a1b2c3d4e5f', hostUrl: 'https://umami.example.com' },
  webVitals: false as const,
};

let fetchMock: ReturnType<typeof vi.fn>;
const requestsTo = (path: string) => fetchMock.mock.calls.filter(([url]) => String(url).endsWith(path));

function Bomb(): never {
  throw new Error('render failed');
}
function Session(): React.ReactElement {
  return <p data-testid="session">{useTracking().sessionId}</p>;
}

beforeEach(() => {
  fetchMock = vi.fn(async (url: string) =>
    String(url).endsWith('/errors/report')
      ? new Response(JSON.stringify({ errorId: ERROR_ID }), { status: 200 })
      : new Response('{}', { status: 200 }),
  );
  // The tracker binds window.fetch when it is created, so the stub must be in place before mounting.
  vi.spyOn(window, 'fetch').mockImplementation(fetchMock as typeof fetch);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TrackingProvider with the real tracker', () => {
  it('runs one live tracker under StrictMode and removes every listener and history hook on unmount', async () => {
    const originalPushState = history.pushState;
    const added: [string, unknown][] = [];
    const removed: [string, unknown][] = [];
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
      added.push([type, listener]);
      add(type, listener, options);
    });
    vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
      removed.push([type, listener]);
      remove(type, listener, options);
    });

    const view = render(
      <StrictMode>
        <TrackingProvider config={config}>
          <Session />
        </TrackingProvider>
      </StrictMode>,
    );
    await act(async () => {});

    // One tracker: exactly one global error and one unhandledrejection listener, and history is patched.
    expect(added.filter(([type]) => type === 'unhandledrejection')).toHaveLength(1);
    expect(added.filter(([type]) => type === 'error')).toHaveLength(1);
    expect(history.pushState).not.toBe(originalPushState);
    expect(screen.getByTestId('session').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    view.unmount();
    await act(async () => {});
    const stillAttached = added.filter(([type, fn]) => !removed.some(([t, f]) => t === type && f === fn));
    expect(stillAttached).toEqual([]);
    expect(history.pushState).toBe(originalPushState);
  });

  it('shows the errorId the ingestion API returned in the ErrorBoundary fallback, reporting once', async () => {
    render(
      <StrictMode>
        <TrackingProvider config={config}>
          <ErrorBoundary fallback={({ errorId }) => <p>ref {errorId ?? 'pending'}</p>}>
            <Bomb />
          </ErrorBoundary>
        </TrackingProvider>
      </StrictMode>,
    );
    // The report waits for the tracker's lazily imported features chunk: allow a slow, busy machine far more than
    // findByText's default 1 s (an upper bound only; it resolves as soon as the errorId shows).
    expect(await screen.findByText(`ref ${ERROR_ID}`, {}, { timeout: 15_000 })).toBeTruthy();
    expect(requestsTo('/errors/report')).toHaveLength(1);
    const body = JSON.parse(String((requestsTo('/errors/report')[0]![1] as RequestInit).body));
    expect(JSON.stringify(body)).toContain('render failed');
    expect(JSON.stringify(body)).toContain('Bomb'); // the component stack went along
  });

  it('without config or tracker (plain JS) gives a working no-op and one console warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const none = {} as { config: typeof config };
    render(
      <TrackingProvider {...none}>
        <Session />
        <ErrorBoundary fallback={<p>sorry</p>}>
          <Bomb />
        </ErrorBoundary>
      </TrackingProvider>,
    );
    await act(async () => {});
    expect(screen.getByText('sorry')).toBeTruthy();
    expect(screen.getByTestId('session').textContent).toBe('');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
