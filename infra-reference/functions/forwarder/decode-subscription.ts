import { gunzipSync } from 'node:zlib';

/** One log event of a CloudWatch Logs subscription payload. */
export interface CloudWatchLogEvent {
  /** CloudWatch's own event id: unique per event and stable across redeliveries of the same batch. */
  id: string;
  /** Milliseconds since the epoch, as CloudWatch received the event. */
  timestamp: number;
  message: string;
}

/** The decoded `awslogs.data` of a subscription event. */
export interface SubscriptionPayload {
  messageType: 'DATA_MESSAGE' | 'CONTROL_MESSAGE';
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  logEvents: CloudWatchLogEvent[];
}

/** The Lambda event CloudWatch Logs sends to a subscribed function. */
export interface CloudWatchLogsEvent {
  awslogs: { data: string };
}

/** What decoding produced: a payload, or why there is none (a retry cannot fix any of these). */
export type DecodeResult = { ok: true; payload: SubscriptionPayload } | { ok: false; reason: string };

/**
 * Decodes `awslogs.data` (base64 of gzipped JSON). Never throws: a payload that does not decode is
 * returned as a reason, because Lambda's retries would only fail the same way.
 */
export function decodeSubscription(event: unknown): DecodeResult {
  const data = (event as { awslogs?: { data?: unknown } } | null)?.awslogs?.data;
  if (typeof data !== 'string' || data.length === 0) return { ok: false, reason: 'missing awslogs.data' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `awslogs.data is not base64 gzipped JSON: ${(err as Error).message}` };
  }
  return isPayload(parsed)
    ? { ok: true, payload: parsed }
    : { ok: false, reason: 'unexpected payload shape' };
}

function isPayload(value: unknown): value is SubscriptionPayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<SubscriptionPayload>;
  if (p.messageType !== 'DATA_MESSAGE' && p.messageType !== 'CONTROL_MESSAGE') return false;
  if (p.messageType === 'CONTROL_MESSAGE') return true;
  return (
    typeof p.logGroup === 'string' &&
    typeof p.logStream === 'string' &&
    Array.isArray(p.logEvents) &&
    p.logEvents.every(
      (e) => typeof e?.id === 'string' && typeof e.timestamp === 'number' && typeof e.message === 'string',
    )
  );
}
