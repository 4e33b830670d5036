/** A per-container request budget. */
export interface TokenBucket {
  /** Takes one token: `0` when the request may proceed, else the seconds to wait (≥ 1) for Retry-After. */
  take(): number;
}

/**
 * Classic token bucket: `burst` tokens, refilled continuously at `ratePerSecond`. State is two numbers, so a
 * warm container keeps its budget across invocations and a cold one starts full.
 */
export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      // A clock that goes backwards (tests, NTP steps) must not drain or overfill the bucket.
      if (t > last) tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = Math.max(last, t);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
    },
  };
}
