import { systemClock } from './system-clock';
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
  /**
   * Whether the browser believes it is online (`navigator.onLine`). A request that fails while offline is
   * a network problem, worth retrying.
   * @default () => true
   */
  isOnline?: () => boolean;
  /**
   * Resolves true when the server at `url` answers at all, even in a way the page may not read (a `no-cors`
   * HEAD). Asked after a second request of the same batch fails without a response while online: a server
   * that answers a probe but whose answers to us cannot be read is refusing this page (CORS, DESIGN §5),
   * and resending cannot change that. Without it, such failures are retried like network errors.
   */
  isReachable?: (url: string) => Promise<boolean>;
  /** Called once per origin when that origin is marked blocked for the life of the page. */
  onBlocked?: (origin: string) => void;
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

/**
 * Creates the retrying transport. Like Sentry's `createTransport(options, makeRequest)`, the network call is
 * an argument so tests inject it. Retries use full-jitter exponential backoff on network errors, 5xx and
 * 429 (honouring Retry-After); other 4xx are final (`rejected`). Retries that run out also count as
 * `rejected`: the data never reached a server that accepted it.
 *
 * A request that fails without a response while online is what a CORS refusal looks like from a page (a
 * fetch `TypeError`, indistinguishable from a dropped connection). Sentry and Faro never retry those; we
 * retry once (a dropped connection is common on mobile, and the batch's `batchId` lets the server ignore
 * the copy if the first one did arrive), then ask `isReachable`: a server that answers a probe but not us
 * is refusing this page, so its origin is marked blocked for the life of the page and this and every later
 * send to it resolve at once as dropped with reason `blocked` — no retry storm, no duplicate counts.
 */
export function createTransport(options: CreateTransportOptions, makeRequest: MakeRequest): Transport {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelay = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const isOnline = options.isOnline ?? (() => true);
  // Origins that answered a probe but never a readable response: refused for the life of the page.
  const blocked = new Set<string>();
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

  // True when the failure was a refusal the page cannot read (see above): the origin is then blocked.
  const isRefusal = async (url: string): Promise<boolean> => {
    if (!options.isReachable || !isOnline()) return false;
    const origin = originOf(url);
    if (blocked.has(origin)) return true;
    if (!(await options.isReachable(url).catch(() => false))) return false;
    if (!blocked.has(origin)) {
      blocked.add(origin);
      options.onBlocked?.(origin);
    }
    return true;
  };

  async function attemptAll(request: TransportRequest, sendOptions: SendOptions): Promise<SendOutcome> {
    let unanswered = 0;
    for (let attempt = 0; ; attempt++) {
      if (sendOptions.isAllowed && !sendOptions.isAllowed()) return { ok: false, reason: 'consent' };
      if (blocked.has(originOf(request.url))) return { ok: false, reason: 'blocked' };
      let retryAfter: string | null | undefined;
      let status: number | undefined;
      try {
        const response = await makeRequest(request);
        status = response.status;
        if (status >= 200 && status < 300) return { ok: true, status, body: response.body };
        if (status !== 429 && status < 500) return { ok: false, reason: 'rejected', status };
        retryAfter = response.retryAfter;
      } catch {
        // No response: a network error or a refusal we cannot read. Deliberately not reported as an error
        // event (no feedback loop).
        unanswered++;
        if (unanswered >= 2 && (await isRefusal(request.url))) return { ok: false, reason: 'blocked' };
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

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Retry-After in ms from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
