import type { ReplaySanitizationRules, TrackerConfig } from '@usermetrics/browser';
// Extra replay masking on top of the defaults, versioned JSON an app keeps next to its code (the tracker
// checks the version and every selector, and keeps replay off with one warning when it cannot apply them).
import sanitizationRules from '../openreplay-sanitization-rules.json';
import { ROUTES } from './routes';

/** Umami website id of the demo (any uuid: the collector's stand-in accepts every website). */
export const DEMO_WEBSITE_ID = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
/** OpenReplay project key of the demo. */
export const DEMO_PROJECT_KEY = 'usermetrics-demo';

/**
 * The tracker configuration of the demo. Everything points at the page's own origin, where `usermetrics
 * dev` serves the ingestion API, the example Lambda API and the Umami and OpenReplay stand-ins.
 */
export function buildTrackerConfig(location: Pick<Location, 'origin' | 'protocol'>): TrackerConfig {
  const origin = location.origin;
  // Under /telemetry, not the bare origin: the tracker ignores global errors whose stack mentions its own
  // endpoint or Umami URL, and every script URL of a same-origin app starts with the bare origin.
  const telemetry = `${origin}/telemetry`;
  return {
    endpoint: telemetry,
    environment: 'local',
    // Defined by @usermetrics/vite at build time (the git commit); absent in `vite serve`.
    release: import.meta.env.VITE_USERMETRICS_RELEASE ?? 'dev',
    routes: ROUTES,
    consent: { errors: true, performance: true, analytics: true, replay: true },
    propagateToOrigins: [origin],
    umami: { websiteId: DEMO_WEBSITE_ID, hostUrl: telemetry },
    replay: {
      projectKey: DEMO_PROJECT_KEY,
      ingestPoint: `${origin}/ingest`,
      sampleRate: 1,
      sanitization: sanitizationRules as ReplaySanitizationRules,
      // OpenReplay refuses to run on plain http unless told to; the local demo is http.
      __DISABLE_SECURE_MODE: location.protocol === 'http:',
    },
    webVitals: { sampleRate: 1 },
    transport: { flushIntervalMs: 2000 },
    debug: false,
  };
}
