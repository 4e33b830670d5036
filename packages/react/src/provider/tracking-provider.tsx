import { createTracker, type Tracker, type TrackerConfig } from '@usermetrics/browser';
import { type ReactElement, useEffect, useMemo, useState } from 'react';
import type { TrackingProviderProps } from '../types';
import { createTrackerHandle } from './tracker-handle';
import { TrackingContext, type TrackingContextValue } from './tracking-context';

/**
 * Makes a tracker available to {@link useTracking}, {@link ErrorBoundary} and {@link usePageViews}.
 *
 * With `config`, the tracker is created after the first commit (never during render, so server rendering and
 * discarded concurrent renders create nothing) and shut down on unmount; StrictMode's and Fast Refresh's
 * unmount-remount keeps the same tracker. Calls made by children before it starts are queued and replayed.
 * `config` is read when the tracker is created: give the provider a new `key` to start over with another one.
 * With `tracker`, that tracker is used as is (`config` is then ignored) and never shut down by the provider. Children render immediately.
 *
 * @example
 * <TrackingProvider config={{ endpoint: 'https://api.example.com', routes: ['/users/:id'] }}>
 *   <App />
 * </TrackingProvider>
 */
export function TrackingProvider(props: TrackingProviderProps): ReactElement {
  const { tracker, config, children } = props;
  const [handle] = useState(createTrackerHandle);
  const [epoch, setEpoch] = useState(0);
  const owns = tracker === undefined;

  // `config` is read once, when the tracker is created (documented), so it is deliberately not a dependency: a
  // new object each render must not restart the tracker. `create` runs inside acquire(), during this effect.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!owns) return;
    // The props' types rule out both and neither; from plain JS, `tracker` wins, and no config at all is a bad
    // config: createTracker answers it with a no-op and its one console warning (it never throws).
    const create = (): Tracker => createTracker(config ?? ({} as TrackerConfig));
    if (handle.acquire(create)) setEpoch((n) => n + 1);
    return () => handle.release();
  }, [handle, owns]);

  const value = useMemo<TrackingContextValue>(
    () => ({ tracker: tracker ?? handle, epoch }),
    [tracker, handle, epoch],
  );
  return <TrackingContext.Provider value={value}>{children}</TrackingContext.Provider>;
}
