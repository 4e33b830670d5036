import type { DropReason } from '../types';

/** One HTTP request as the transport sees it; `makeRequest` turns it into fetch or sendBeacon. */
export interface TransportRequest {
  url: string;
  body: string;
  /** `text/plain;charset=UTF-8` for the ingestion API (no CORS preflight), `application/json` for Umami. */
  contentType: string;
  /** Page is going away: try `navigator.sendBeacon`, then `fetch` with `keepalive`. */
  beacon?: boolean;
  /** Page is hidden (it may be unloading): `fetch` with `keepalive`, so the request outlives the page. */
  keepalive?: boolean;
  /** Read the response body (error reports need the errorId). */
  readBody?: boolean;
}

/** What came back. `makeRequest` rejects only for network errors. */
export interface TransportResponse {
  status: number;
  /** Raw `Retry-After` header, if any. */
  retryAfter?: string | null;
  body?: string;
}

/** The network call, injected so tests (and other runtimes) can replace it. Rejects on network failure. */
export type MakeRequest = (request: TransportRequest) => Promise<TransportResponse>;

/** The explicit result of a send: unlike a bare resolved promise, a drop is never mistaken for success. */
export type SendOutcome =
  | { ok: true; status: number; body?: string }
  | { ok: false; reason: DropReason; status?: number };

/** Timers and randomness, injected for deterministic tests. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
  now(): number;
}
