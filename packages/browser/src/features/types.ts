import type { Consent } from '../consent/create-consent';
import type { BrowserEnv } from '../internal/browser-env';
import type { DebugLogger } from '../internal/debug-logger';
import type { ReplayImporter } from '../replay/create-replay';
import type { Session } from '../session/create-session';
import type { ResolvedConfig } from '../tracker/resolve-config';
import type { Transport } from '../transport/create-transport';
import type { ConsentState, DropReason, PageViewOptions, Tracker } from '../types';

/** What the critical path hands to the lazily loaded features chunk (types only: no code is shared). */
export interface FeaturesContext {
  resolved: ResolvedConfig;
  env: BrowserEnv;
  transport: Transport;
  consent: Consent;
  session: Session;
  log: DebugLogger;
  userAgent: string;
  /** The page URL when the tracker was created: the first Umami page view is for it. */
  initialHref: string;
  /** True once the app called trackPageView: the tracker's own page views then stay off. */
  pageViewsByApp: () => boolean;
  replayImporter?: ReplayImporter;
  isClosed: () => boolean;
  drop: (reason: DropReason, count: number) => void;
  sent: (count: number) => void;
}

/** The features chunk once started. */
export interface Features {
  /** Sends the first Umami page view (once the DOM is there); the tracker calls it after the start. */
  begin(): void;
  trackError: Tracker['trackError'];
  /** A window `error`/`unhandledrejection` event, recorded raw on the critical path. */
  captureGlobal(event: Event): void;
  pageView(url?: string, options?: PageViewOptions): void;
  event(name: string, data?: Record<string, unknown>): void;
  /** A client-side navigation to `href` (path or query changed) was recorded by the history hook. */
  navigated(href: string): void;
  consentChanged(next: ConsentState, previous: ConsentState): void;
  setSessionId(id: string): void;
  getReplayUrl(): string | undefined;
  stop(): void;
}
