import type { Clock, MakeRequest, SendOutcome, TransportRequest } from './types';

/** Options of {@link createTransport}. */
export interface CreateTransportOptions {
  /**
   * Retries after the first attempt for network errors, 5xx and 429.
   * @default 3
   */
  maxRetries?: number;
  /** @default 1000 */
  baseDelayMs?: number;
  /** Longest wait between attempts, including a server's Retry-After. @default 30000 */
  maxDelayMs?: number;
  clock?: Clock;
}

/** Per-send options. */
export interface SendOptions {
  /** Checked before every attempt: revoking consent mid-retry drops the item with reason `consent`. */
  isAllowed?: () => boolean;
}

/** Sends requests with retries; never rejects, never throws. */
export interface Transport {
  send(request: TransportRequest, options?: SendOptions): Promise<SendOutcome>;
  /** Resolves when every send in flight has finished (retries included). */
  drain(): Promise<void>;
  /** Cuts pending backoff waits short: each waiting send makes one last attempt, then gives up. */
  close(): void;
}

/** The default clock: real timers, Math.random and Date.now. */
export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
  now: () => Date.now(),
};

/**
 * Creates the retrying transport. Like Sentry's `createTransport(options, makeRequest)`, the network call is
 * an argument so tests inject it. Retries use full-jitter exponential backoff on network errors, 5xx and
 * 429 (honouring Retry-After); other 4xx are final (`rejected`). Retries that run out also count as
 * `rejected`: the data never reached a server that accepted it.
 */
export function createTransport(options: CreateTransportOptions, makeRequest: MakeRequest): Transport {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelay = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const inFlight = new Set<Promise<SendOutcome>>();
  const waiting = new Map<unknown, () => void>();
  let closed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (closed) return resolve();
      const handle = clock.setTimeout(() => {
        waiting.delete(handle);
        resolve();
      }, ms);
      waiting.set(handle, resolve);
    });

  const delayFor = (attempt: number, retryAfter: string | null | undefined): number => {
    const fromServer = parseRetryAfter(retryAfter, clock.now());
    if (fromServer !== undefined) return Math.min(fromServer, maxDelay);
    // Full jitter: spreads clients that failed together so they do not retry together.
    return Math.floor(clock.random() * Math.min(maxDelay, baseDelay * 2 ** attempt));
  };

  async function attemptAll(request: TransportRequest, sendOptions: SendOptions): Promise<SendOutcome> {
    for (let attempt = 0; ; attempt++) {
      if (sendOptions.isAllowed && !sendOptions.isAllowed()) return { ok: false, reason: 'consent' };
      let retryAfter: string | null | undefined;
      let status: number | undefined;
      try {
        const response = await makeRequest(request);
        status = response.status;
        if (status >= 200 && status < 300) return { ok: true, status, body: response.body };
        if (status !== 429 && status < 500) return { ok: false, reason: 'rejected', status };
        retryAfter = response.retryAfter;
      } catch {
        // Network error: retryable. Deliberately not reported as an error event (no feedback loop).
      }
      if (attempt >= maxRetries || closed) return { ok: false, reason: 'rejected', status };
      await sleep(delayFor(attempt, retryAfter));
    }
  }

  return {
    send(request, sendOptions = {}) {
      const task = attemptAll(request, sendOptions).catch(
        (): SendOutcome => ({ ok: false, reason: 'rejected' }),
      );
      inFlight.add(task);
      void task.then(() => inFlight.delete(task));
      return task;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    close() {
      closed = true;
      for (const [handle, resolve] of waiting) {
        clock.clearTimeout(handle);
        resolve();
      }
      waiting.clear();
    },
  };
}

/** Retry-After in ms from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
