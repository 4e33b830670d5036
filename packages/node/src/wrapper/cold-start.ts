/** First invokes later than this after process start were pre-initialised by Lambda (proactive init). */
export const PROACTIVE_INIT_THRESHOLD_MS = 10_000;

const WARM: ColdStartInfo = Object.freeze({ coldStart: false });

/** What a cold-start check returns for one invocation. */
export interface ColdStartInfo {
  coldStart: boolean;
  /** Process start to this invocation; only on cold starts. */
  initDurationMs?: number;
}

/**
 * Tracks whether an invocation is the cold start of its process (DESIGN §3): only the first invocation,
 * and not when Lambda initialised the process ahead of time (provisioned concurrency, or a proactive init
 * detected by the first invoke arriving more than 10 s after process start).
 */
export function createColdStartTracker(
  now: () => number,
  env: NodeJS.ProcessEnv = process.env,
): () => ColdStartInfo {
  let invoked = false;
  return () => {
    if (invoked) return WARM;
    invoked = true;
    const sinceStart = now();
    if (env.AWS_LAMBDA_INITIALIZATION_TYPE === 'provisioned-concurrency') return { coldStart: false };
    if (!(sinceStart >= 0) || sinceStart > PROACTIVE_INIT_THRESHOLD_MS) return { coldStart: false };
    return { coldStart: true, initDurationMs: Math.round(sinceStart * 1000) / 1000 };
  };
}
