import { afterLoadIdle } from '../internal/after-load-idle';
import { nextIdle } from '../internal/next-idle';
import type { ReplayOptions } from '../types';
import { buildReplayOptions } from './replay-options';

/** The part of OpenReplay's tracker API we call (structural: the package is an optional peer). */
export interface OpenReplayLike {
  start(): unknown;
  stop(): unknown;
  setMetadata(key: string, value: string): void;
  setUserID(id: string): void;
  getSessionURL(): string | undefined | null;
}

/** Loads the OpenReplay constructor; replaced in tests. */
export type ReplayImporter = () => Promise<{ default: new (options: never) => OpenReplayLike }>;

/**
 * The real importer: a plain dynamic import of the bare specifier, so bundlers split OpenReplay into its own
 * chunk that only loads when replay actually starts (tsup marks it external).
 */
export const importOpenReplay: ReplayImporter = () =>
  import('@openreplay/tracker') as unknown as ReturnType<ReplayImporter>;

/** What {@link createReplay} needs. */
export interface ReplayDeps {
  options: ReplayOptions;
  window: Window;
  getSessionId: () => string;
  importer?: ReplayImporter;
  log: (message: string, detail?: unknown) => void;
}

/** OpenReplay controller: loads lazily, starts, stops on consent revoke. */
export interface ReplayController {
  /** Schedules loading after the load event and idle; no-op if already started or scheduled. */
  start(): void;
  /** Stops recording (consent revoked, shutdown) and cancels a pending load. */
  stop(): void;
  setSessionId(id: string): void;
  getUrl(): string | undefined;
}

/**
 * Creates the replay controller. OpenReplay (~60 KB gz) never loads before the page's `load` event, and only
 * when the browser is idle (requestIdleCallback with a timeout, setTimeout where it is missing). If the
 * package is absent or the import fails, replay stays off with a debug log only.
 */
export function createReplay(deps: ReplayDeps): ReplayController {
  const w = deps.window;
  const importer = deps.importer ?? importOpenReplay;
  let wanted = false;
  let instance: OpenReplayLike | undefined;
  let cancel: (() => void) | undefined;
  let loading = false;

  async function load(): Promise<void> {
    cancel = undefined;
    if (!wanted || instance || loading) return;
    loading = true;
    try {
      const { default: Ctor } = await importer();
      if (!wanted) return;
      const tracker = new Ctor(buildReplayOptions(deps.options) as never);
      instance = tracker;
      // OpenReplay's constructor and its start() each do a lot of work: in one task they make a long
      // animation frame our code runs in. A task of its own for start() lets the browser paint between.
      // Stopped meanwhile: the instance stays unstarted; a later start() starts it.
      await new Promise<void>((resolve) => nextIdle(w, resolve));
      if (!wanted) return;
      await tracker.start();
      // Consent may have been revoked while OpenReplay was starting.
      if (!wanted) {
        tracker.stop();
        return;
      }
      const id = deps.getSessionId();
      tracker.setMetadata('sessionId', id);
      tracker.setUserID(id);
    } catch (error) {
      deps.log('replay unavailable (is @openreplay/tracker installed?)', error);
      instance = undefined;
    } finally {
      loading = false;
    }
  }

  return {
    start() {
      if (wanted) return;
      wanted = true;
      if (instance) {
        void Promise.resolve(instance.start()).then(
          () => {
            const id = deps.getSessionId();
            instance?.setMetadata('sessionId', id);
            instance?.setUserID(id);
          },
          (error: unknown) => deps.log('replay restart failed', error),
        );
        return;
      }
      cancel = afterLoadIdle(w, () => void load());
    },
    stop() {
      wanted = false;
      cancel?.();
      cancel = undefined;
      try {
        instance?.stop();
      } catch (error) {
        deps.log('replay stop failed', error);
      }
    },
    setSessionId(id) {
      try {
        instance?.setMetadata('sessionId', id);
        instance?.setUserID(id);
      } catch (error) {
        deps.log('replay metadata failed', error);
      }
    },
    getUrl() {
      if (!instance || !wanted) return undefined;
      try {
        return instance.getSessionURL() ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}
