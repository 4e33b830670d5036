import { gzipSync } from 'node:zlib';
import type { CloudWatchLogEvent, SubscriptionPayload } from '../forwarder/decode-subscription';

/** The Lambda event CloudWatch Logs delivers: `awslogs.data` = base64 of the gzipped JSON payload. */
export function subscriptionEvent(payload: unknown): { awslogs: { data: string } } {
  return { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(payload))).toString('base64') } };
}

/** A DATA_MESSAGE payload shaped like CloudWatch's, for a Lambda's log group. */
export function dataMessage(
  logEvents: CloudWatchLogEvent[],
  logGroup = '/aws/lambda/usermetrics-dev-WebVitals',
): SubscriptionPayload {
  return {
    messageType: 'DATA_MESSAGE',
    owner: '123456789012',
    logGroup,
    logStream: '2026/12/04/[$LATEST]0123456789abcdef0123456789abcdef',
    subscriptionFilters: ['usermetrics-logs'],
    logEvents,
  };
}

/** The payload CloudWatch sends once to check that a new subscription's destination is reachable. */
export const CONTROL_MESSAGE: SubscriptionPayload = {
  messageType: 'CONTROL_MESSAGE',
  owner: 'CloudwatchLogs',
  logGroup: '',
  logStream: '',
  subscriptionFilters: [],
  logEvents: [
    {
      id: '',
      timestamp: 1_796_380_800_000,
      message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
    },
  ],
};

let seq = 0;
/** One log event with a CloudWatch-like 56-digit id. */
export function logEvent(message: string, timestamp = Date.UTC(2026, 11, 4, 16, 0, 0)): CloudWatchLogEvent {
  seq++;
  return { id: `3${String(seq).padStart(55, '0')}`, timestamp, message };
}
