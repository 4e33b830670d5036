import { createTracker, type Tracker, type TrackerConfig } from '@usermetrics/browser';
import { wirePage } from './page';

/**
 * The e2e page on the built @usermetrics/browser. Each test chooses the tracker settings through
 * `window.__E2E_CONFIG__` (set by an init script) or a `?config=<JSON>` query parameter.
 */
export interface E2EPageConfig {
  tracker: TrackerConfig;
  /** Call `trackPageView()` after the client-side navigation, like an app without a router integration. */
  trackRouteChange?: boolean;
}

declare global {
  interface Window {
    __E2E_CONFIG__?: E2EPageConfig;
    __e2e?: { tracker: Tracker; loadAt?: number };
  }
}

function readConfig(): E2EPageConfig {
  if (window.__E2E_CONFIG__) return window.__E2E_CONFIG__;
  const raw = new URLSearchParams(location.search).get('config');
  if (!raw) throw new Error('e2e page: no config (set window.__E2E_CONFIG__ or ?config=)');
  return JSON.parse(raw) as E2EPageConfig;
}

const config = readConfig();
const tracker = createTracker(config.tracker);
const state: NonNullable<Window['__e2e']> = { tracker };
window.__e2e = state;

wirePage({
  onLoad: (loadAt) => {
    state.loadAt = loadAt;
  },
  onRouteChange: () => {
    if (config.trackRouteChange) tracker.trackPageView();
  },
});
