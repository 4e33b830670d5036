/**
 * Public types of @usermetrics/browser. The React package codes against these names: add, never rename.
 */

/** A consent category (DESIGN §7). */
export type ConsentCategory = 'errors' | 'performance' | 'analytics' | 'replay';

/** Consent per category; `true` means the user allows it. */
export type ConsentState = Record<ConsentCategory, boolean>;

/**
 * Why an item never reached the server, counted in {@link TrackerStats}: `queue_full` (byte budget used
 * up), `too_large` (one item over the 60 KB request limit), `rejected` (refused by the server, invalid
 * client-side — e.g. an Umami event name — retries exhausted, or over `errors.maxPerSession`), `consent`
 * (category not consented, or revoked while queued), `sampled_out` (session not in the sample), `blocked`
 * (the endpoint answers but the page may not read its answers — a CORS refusal, e.g. an origin missing from
 * the handler's `allowedOrigins` — so nothing more is sent to it until the page reloads).
 */
export type DropReason = 'queue_full' | 'too_large' | 'rejected' | 'consent' | 'sampled_out' | 'blocked';

/** Umami page-view and event settings (DESIGN §6). */
export interface UmamiOptions {
  /** The Umami website id (a UUID). */
  websiteId: string;
  /** Base URL of the Umami server; events go to `{hostUrl}/api/send`. */
  hostUrl: string;
}

/**
 * Replay masking rules on top of the defaults (DESIGN §6), in the versioned format of an
 * `openreplay-sanitization-rules.json` file the app imports. Rules can only add masking: inputs, e-mail
 * addresses and numbers stay obscured whatever they say.
 * @example
 * // openreplay-sanitization-rules.json
 * { "version": 1, "mask": [".customer-name", "[data-private]"], "ignore": ["#chat-widget"] }
 */
export interface ReplaySanitizationRules {
  /** Format version; `1` is the only one so far. Rules of an unknown version keep replay off (one warning). */
  version: 1;
  /** CSS selectors whose elements (and descendants) are recorded with their text obscured. */
  mask?: readonly string[];
  /** CSS selectors whose elements (and descendants) are left out of the recording entirely. */
  ignore?: readonly string[];
}

/** OpenReplay settings (DESIGN §6). Extra keys are passed to OpenReplay unchanged. */
export interface ReplayOptions {
  /** OpenReplay project key. */
  projectKey: string;
  /** OpenReplay ingest URL. */
  ingestPoint: string;
  /**
   * Share of sessions recorded, 0–1, decided deterministically per session.
   * @default 1
   */
  sampleRate?: number;
  /**
   * Extra masking rules (CSS selectors to obscure or to leave out), usually imported from a versioned
   * `openreplay-sanitization-rules.json`. Invalid rules keep replay off with one console warning.
   */
  sanitization?: ReplaySanitizationRules;
  /** Any other OpenReplay option (e.g. `network: { capturePayload: true }`). */
  [openReplayOption: string]: unknown;
}

/** Web-vitals collection settings. */
export interface WebVitalsOptions {
  /**
   * Share of sessions whose web vitals are sent, 0–1, decided deterministically per session.
   * @default 1
   */
  sampleRate?: number;
}

/** Error capture settings. */
export interface ErrorsOptions {
  /**
   * Install `error` and `unhandledrejection` listeners on `window`.
   * @default true
   */
  captureGlobal?: boolean;
  /**
   * Most error reports sent per session; later ones are dropped.
   * @default 100
   */
  maxPerSession?: number;
}

/** Batching transport settings (DESIGN §8). */
export interface TransportOptions {
  /**
   * How often queued web vitals are sent, in milliseconds.
   * @default 5000
   */
  flushIntervalMs?: number;
  /**
   * Byte budget of the queue (UTF-8 of the serialized items); items beyond it are dropped as `queue_full`.
   * @default 262144
   */
  maxQueueBytes?: number;
}

/** Configuration of {@link Tracker} (DESIGN §10). */
export interface TrackerConfig {
  /** Base URL of the ingestion API, e.g. `https://api.example.com`. Required; must be http(s). */
  endpoint: string;
  /**
   * Turns the tracker off: `false` gives the no-op tracker — nothing is loaded, listened to or sent, and no
   * warning is shown, even when the rest of the config is incomplete (a dev build without an endpoint).
   * @example enabled: import.meta.env.PROD
   * @default true
   */
  enabled?: boolean;
  /**
   * Environment name of the app (a non-empty string, e.g. `import.meta.env.MODE`), added to every Umami
   * event's data as `environment`. The CloudWatch `environment` dimension is set by the ingestion
   * handlers' own configuration, never by the browser (DESIGN §3: a request cannot pick a dimension).
   * @default undefined
   */
  environment?: string;
  /** Release / version of the app, attached to error reports. */
  release?: string;
  /**
   * Route patterns (`/users/:id`) or a function mapping a URL to a pattern. Unknown paths become `other`.
   * @default [] (every path is `other`)
   */
  routes?: readonly string[] | ((url: URL) => string);
  /**
   * Initial consent. `'pending'` turns everything off until `setConsent` is called.
   * @default { errors: true, performance: true, analytics: true, replay: true when `replay` is configured }
   */
  consent?: Partial<ConsentState> | 'pending';
  /**
   * Turn analytics and replay off when the browser sends Do Not Track or Global Privacy Control.
   * @default true
   */
  respectDoNotTrack?: boolean;
  /**
   * Origins (exact `https://api.example.com` strings or RegExps tested against the origin) whose fetch/XHR
   * requests get an `X-Session-Id` header. Nothing is patched when empty.
   * @default []
   */
  propagateToOrigins?: readonly (string | RegExp)[];
  /** Umami settings; page views and events are off without them. */
  umami?: UmamiOptions;
  /** OpenReplay settings; replay is off without them. */
  replay?: ReplayOptions;
  /**
   * Web-vitals settings, or `false` to turn them off.
   * @default { sampleRate: 1 }
   */
  webVitals?: WebVitalsOptions | false;
  /**
   * Error capture settings, or `false` to turn automatic and manual error reports off.
   * @default { captureGlobal: true, maxPerSession: 100 }
   */
  errors?: ErrorsOptions | false;
  /** Transport settings. */
  transport?: TransportOptions;
  /**
   * Log the tracker's own failures (once each) to the console.
   * @default false
   */
  debug?: boolean;
}

/** Extra information attached to a manually tracked error. */
export interface TrackErrorContext {
  /** React component stack. */
  componentStack?: string;
  /** Route pattern; derived from the current URL when missing. */
  route?: string;
  /**
   * Whether the app handled the error.
   * @default true for trackError, false for global handlers
   */
  handled?: boolean;
  /** Extra data; redacted before send. */
  extra?: Record<string, unknown>;
}

/** What the tracker has sent and dropped so far. */
export interface TrackerStats {
  /** Items (web vitals, error reports, Umami events) the server accepted, or sendBeacon queued. */
  sent: number;
  /** Dropped items, by reason. */
  dropped: Record<DropReason, number>;
}

/** Options of {@link Tracker.trackPageView}. */
export interface PageViewOptions {
  /** Route pattern of the page, sent as Umami event data `route`. */
  route?: string;
  /** Page title. @default document.title */
  title?: string;
  /** Referrer URL. @default the previous page, or document.referrer for the first one */
  referrer?: string;
}

/** The tracker. Every method is safe to call at any time: none throws, promises never reject. */
export interface Tracker {
  /** Sends an Umami page view for `url` (default: the current location). */
  trackPageView(url?: string, options?: PageViewOptions): void;
  /** Sends an Umami custom event. `data` must be a plain object; it is redacted. */
  trackEvent(name: string, data?: Record<string, unknown>): void;
  /** Resolves with the server's errorId, or undefined when dropped/deduplicated/consent off. Never rejects. */
  trackError(error: unknown, context?: TrackErrorContext): Promise<string | undefined>;
  /** Changes consent at once: revoked categories stop and their queued items are dropped. */
  setConsent(consent: Partial<ConsentState>): void;
  /** The consent in effect (after Do Not Track / Global Privacy Control). */
  getConsent(): ConsentState;
  /** The current session id (UUIDv7), or '' for the no-op. */
  getSessionId(): string;
  /** The OpenReplay session URL once replay runs. */
  getReplayUrl(): string | undefined;
  /** Counters of sent requests and dropped items. */
  getStats(): TrackerStats;
  /** Sends everything queued. Never rejects. */
  flush(): Promise<void>;
  /** Sends what is queued, then removes every listener/timer/hook. Idempotent; never rejects. */
  shutdown(): Promise<void>;
  /** True for the no-op (bad config, SSR without window). */
  readonly isNoop: boolean;
}
