import { isSampled } from '@usermetrics/core';
import { createReplay, type ReplayController } from '../replay/create-replay';
import { rulesProblem } from '../replay/sanitization-rules';
import type { RuntimeContext } from '../runtime/types';
import type { ConsentState } from '../types';

/** Replay (OpenReplay, its own lazy chunk), as the runtime drives it. */
export interface ReplayFeature {
  consentChanged(next: ConsentState, previous: ConsentState): void;
  setSessionId(id: string): void;
  getUrl(): string | undefined;
  stop(): void;
}

/**
 * Creates the replay feature and starts replay when consented and sampled in; undefined when replay is not
 * configured or its masking rules are invalid (half-applied masking could record what the app meant to hide:
 * replay stays off, said once on the console).
 */
export function createReplayFeature(ctx: RuntimeContext): ReplayFeature | undefined {
  const { resolved, consent, session, log } = ctx;
  const options = resolved.config.replay;
  if (!options) return undefined;
  const doc = ctx.env.document;
  const rules = options.sanitization;
  const bad =
    rules === undefined
      ? undefined
      : rulesProblem(rules, (selector) => doc.createDocumentFragment().querySelector(selector));
  if (bad) {
    try {
      console.warn(`[usermetrics] replay disabled: ${bad}`);
    } catch {
      // no console
    }
    return undefined;
  }
  const replay: ReplayController = createReplay({
    options,
    window: ctx.env.window,
    getSessionId: () => session.getId(),
    importer: ctx.replayImporter,
    log: log.log,
  });
  const maybeStart = (): void => {
    if (!consent.allows('replay')) return;
    if (isSampled(session.getId(), resolved.replaySampleRate)) replay.start();
    else log.log('replay sampled out');
  };
  maybeStart();
  return {
    consentChanged(next, previous) {
      if (previous.replay && !next.replay) replay.stop();
      if (!previous.replay && next.replay) maybeStart();
    },
    setSessionId: replay.setSessionId,
    getUrl: replay.getUrl,
    stop: replay.stop,
  };
}
