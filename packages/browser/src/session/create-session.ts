import { createId } from '@usermetrics/core/ids';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** `window.sessionStorage`, read lazily; may throw (privacy modes, sandboxed iframes). */
  getStorage?: () => Storage | undefined;
  now?: () => number;
  /** @default 30 min, core's `LIMITS.sessionIdleMs` */
  idleMs?: number;
  /** Called with the new id after a rotation. */
  onRotate?: (id: string) => void;
}

/** The browser session (DESIGN §2). */
export interface Session {
  /** The current id, rotated first when the session has been idle too long. Counts as activity. */
  getId(): string;
  /** Records user activity without reading the id. */
  touch(): void;
}

const STORAGE_KEY = 'usermetrics.session';
// Writing sessionStorage on every keystroke is wasteful; a coarser lastActivity is plenty for a 30 min rule.
const WRITE_EVERY_MS = 5000;
// Core's LIMITS.sessionIdleMs (the session tests check the default against it). Not imported: this file is in
// the entry, and an import would bring core's whole limits table into the 5 kB before-load budget.
const IDLE_MS = 30 * 60_000;

interface Stored {
  id: string;
  lastActivity: number;
}

/**
 * Creates the session: a UUIDv7 kept in sessionStorage (so reloads and same-tab navigations keep it), in
 * memory when storage is unavailable, rotated after `idleMs` without activity. Storage is first touched on
 * the first `getId()`/`touch()`, not here: Chromium opens the storage area synchronously on first use, which
 * must not happen while the page is still loading.
 */
export function createSession(options: SessionOptions = {}): Session {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? IDLE_MS;
  let storageBroken = false;
  let lastWrite = 0;

  const storage = (): Storage | undefined => {
    if (storageBroken) return undefined;
    try {
      return options.getStorage?.();
    } catch {
      storageBroken = true;
      return undefined;
    }
  };

  const read = (): Stored | undefined => {
    try {
      const raw = storage()?.getItem(STORAGE_KEY);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<Stored>;
      return typeof parsed.id === 'string' && typeof parsed.lastActivity === 'number'
        ? (parsed as Stored)
        : undefined;
    } catch {
      storageBroken = true;
      return undefined;
    }
  };

  const write = (value: Stored): void => {
    lastWrite = value.lastActivity;
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Quota or access errors: the memory copy stays authoritative.
      storageBroken = true;
    }
  };

  let current: Stored | undefined;
  const init = (): Stored => {
    let s = read();
    if (!s || now() - s.lastActivity > idleMs) s = { id: createId(), lastActivity: now() };
    write(s);
    return s;
  };

  const touch = (): void => {
    if (!current) {
      current = init();
      return;
    }
    const t = now();
    if (t - current.lastActivity > idleMs) {
      current = { id: createId(), lastActivity: t };
      write(current);
      options.onRotate?.(current.id);
      return;
    }
    current.lastActivity = t;
    if (t - lastWrite >= WRITE_EVERY_MS) write(current);
  };

  return {
    getId() {
      touch();
      return (current as Stored).id;
    },
    touch,
  };
}
