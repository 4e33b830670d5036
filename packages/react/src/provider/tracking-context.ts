import type { Tracker } from '@usermetrics/browser';
import { createContext } from 'react';

/** What <TrackingProvider> shares. `epoch` changes when the tracker behind the value changes, so consumers re-read it. */
export interface TrackingContextValue {
  tracker: Tracker;
  epoch: number;
}

export const TrackingContext = /* @__PURE__ */ createContext<TrackingContextValue | null>(null);
