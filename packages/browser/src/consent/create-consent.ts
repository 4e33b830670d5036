import { noConsent } from '../tracker/create-noop-tracker';
import type { ConsentCategory, ConsentState } from '../types';

/** Options of {@link createConsent}. */
export interface ConsentOptions {
  initial: Partial<ConsentState> | 'pending' | undefined;
  /** Replay defaults to on only when it is configured, and can never be on without configuration. */
  replayConfigured: boolean;
  respectDoNotTrack: boolean;
  navigator: Navigator | undefined;
}

/** Consent store: what the user asked for, masked by Do Not Track / Global Privacy Control. */
export interface Consent {
  /** Effective consent (after DNT/GPC and configuration). */
  get(): ConsentState;
  allows(category: ConsentCategory): boolean;
  /** Merges `partial` into the requested state and notifies listeners with the effective before/after. */
  set(partial: Partial<ConsentState>): void;
  onChange(listener: (next: ConsentState, previous: ConsentState) => void): () => void;
}

const CATEGORIES: readonly ConsentCategory[] = ['errors', 'performance', 'analytics', 'replay'];

/** True when the browser signals Do Not Track or Global Privacy Control. */
export function browserOptsOut(nav: Navigator | undefined): boolean {
  if (!nav) return false;
  const n = nav as Navigator & { globalPrivacyControl?: unknown; doNotTrack?: unknown };
  return n.doNotTrack === '1' || n.globalPrivacyControl === true;
}

/**
 * Creates the consent store (DESIGN §7). Defaults: errors, performance and analytics on (Umami is
 * cookieless), replay on when configured. `'pending'` starts with everything off. DNT/GPC win over
 * `setConsent` for analytics and replay: a browser-level opt-out cannot be overridden by page code.
 */
export function createConsent(options: ConsentOptions): Consent {
  let requested: ConsentState =
    options.initial === 'pending'
      ? noConsent()
      : {
          errors: true,
          performance: true,
          analytics: true,
          replay: options.replayConfigured,
          ...options.initial,
        };
  const optedOut = options.respectDoNotTrack && browserOptsOut(options.navigator);
  const listeners = new Set<(next: ConsentState, previous: ConsentState) => void>();

  const effective = (): ConsentState => ({
    errors: requested.errors === true,
    performance: requested.performance === true,
    analytics: requested.analytics === true && !optedOut,
    replay: requested.replay === true && options.replayConfigured && !optedOut,
  });

  return {
    get: effective,
    allows: (category) => effective()[category],
    set(partial) {
      const previous = effective();
      const next: ConsentState = { ...requested };
      for (const category of CATEGORIES) {
        const value = partial[category];
        if (typeof value === 'boolean') next[category] = value;
      }
      requested = next;
      const now = effective();
      if (CATEGORIES.some((c) => now[c] !== previous[c])) {
        for (const listener of listeners) listener(now, previous);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
