import { patchHistory } from '../umami/patch-history';

/** Where the page was when: the route a web vital was measured on, read after the fact. */
export interface NavigationLog {
  /** The page URL at `time` (a `performance.now()` value); the current URL when `time` is undefined. */
  hrefAt(time?: number): string;
  /** Stops recording (restores the history methods). */
  stop(): void;
}

// Enough for any load phase; beyond it the oldest client-side navigations are forgotten.
const MAX_ENTRIES = 50;

/**
 * Records client-side navigations (a changed path or query: `replaceState` is often a state-only update)
 * with their time, and tells `onNavigate`. Recording is cheap and starts before load, so the runtime,
 * which loads after it, still attributes an LCP to the route it was measured on.
 */
export function recordNavigations(w: Window, onNavigate: (href: string) => void): NavigationLog {
  const location = w.location;
  const now = (): number => w.performance?.now() ?? 0;
  const path = (): string => location.pathname + location.search;
  const log: { at: number; href: string }[] = [{ at: 0, href: location.href }];
  let lastPath = path();
  const undo = patchHistory(w, () => {
    const current = path();
    if (current === lastPath) return;
    lastPath = current;
    const href = location.href;
    if (log.length >= MAX_ENTRIES) log.splice(1, 1);
    log.push({ at: now(), href });
    onNavigate(href);
  });
  return {
    hrefAt(time) {
      if (time === undefined) return location.href;
      let href = (log[0] as { href: string }).href;
      for (const entry of log) if (entry.at <= time) href = entry.href;
      return href;
    },
    stop: undo,
  };
}
