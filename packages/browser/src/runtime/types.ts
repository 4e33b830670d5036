import type { Consent } from '../consent/create-consent';
import type { BrowserEnv } from '../internal/browser-env';
import type { DebugLogger } from '../internal/debug-logger';
import type { NavigationLog } from '../loader/record-navigations';
import type { ReplayImporter } from '../replay/create-replay';
import type { Session } from '../session/create-session';
import type { ResolvedConfig } from '../tracker/resolve-config';
import type { Clock, MakeRequest } from '../transport/types';
import type { ConsentState, DropReason, PageViewOptions, Tracker } from '../types';

/** What the loader (the entry chunk) hands to the runtime chunk. Types only: no code is shared this way. */
export interface RuntimeContext {
  resolved: ResolvedConfig;
  env: BrowserEnv;
  consent: Consent;
  session: Session;
  log: DebugLogger;
  clock: Clock;
  /** Client-side navigations recorded since the tracker was created. */
  navigations: Pick<NavigationLog, 'hrefAt'>;
  /** True once the app called trackPageView: the tracker's own page views then stay off. */
  pageViewsByApp: () => boolean;
  makeRequest?: MakeRequest;
  replayImporter?: ReplayImporter;
  /** True once shutdown began: start-up steps that begin something new (vitals, page view, replay) are skipped. */
  isStopping: () => boolean;
  /** True once the tracker is stopped: nothing new is reported. */
  isClosed: () => boolean;
  drop: (reason: DropReason, count: number) => void;
  sent: (count: number) => void;
  /** Schedules one start-up step in a task of its own; returns the canceller. */
  schedule: (step: () => void) => () => void;
  /** Called by the start-up step that can take calls: the loader hands its queued calls over. */
  ready: (runtime: Runtime) => void;
}

/** The runtime chunk once imported: everything the facade forwards to. */
export interface Runtime {
  trackError: Tracker['trackError'];
  /** A window `error`/`unhandledrejection` event the loader recorded raw. */
  captureGlobal(event: Event): void;
  pageView(url?: string, options?: PageViewOptions): void;
  event(name: string, data?: Record<string, unknown>): void;
  /** A client-side navigation to `href` (path or query changed). */
  navigated(href: string): void;
  consentChanged(next: ConsentState, previous: ConsentState): void;
  setSessionId(id: string): void;
  getReplayUrl(): string | undefined;
  /** Runs the start-up steps not yet run, now (a flush or a shutdown cannot wait for idle time). */
  finishStart(): void;
  /** Sends what is queued. */
  flush(): Promise<void>;
  /** Stops every feature and sends what is left. */
  stop(): Promise<void>;
}
