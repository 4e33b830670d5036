/**
 * The log forwarder Lambda: CloudWatch Logs subscription → OpenSearch `_bulk` (see ./README.md for what it
 * needs at deploy). Its own diagnostics are JSON lines on stdout; its own log group must never be subscribed
 * to it, or every batch would produce the next one.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { createLogger, type LineSink } from '@usermetrics/node';
import { decodeSubscription } from './forwarder/decode-subscription';
import { type IndexSummary, indexDocuments } from './forwarder/index-documents';
import { createPostBulk, type PostBulk } from './forwarder/post-bulk';
import { type BulkDocument, toDocument } from './forwarder/to-document';

/** Options of {@link createLogForwarder}; `handler` builds them from the environment. */
export interface LogForwarderOptions {
  /** OpenSearch endpoint with scheme. */
  endpoint: string;
  /** @default 'usermetrics-logs' */
  indexPrefix?: string;
  /** Signing region. @default process.env.AWS_REGION */
  region?: string;
  /** SigV4 service name: `es` for an OpenSearch Service domain, `aoss` for OpenSearch Serverless. @default 'es' */
  service?: string;
  /** @default the Lambda environment's credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Upper bound of one bulk request body. @default 5 MiB */
  maxBulkBytes?: number;
  /** Attempts per bulk request, the first included. @default 4 */
  maxAttempts?: number;
  /** @default 10 000 */
  requestTimeoutMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
  /** Where the forwarder's own JSON log lines go. @default stdout */
  logDestination?: LineSink;
  /** Replaces the signed HTTP call (tests). */
  post?: PostBulk;
}

/** What one invocation did. */
export interface ForwardResult extends IndexSummary {
  /** Log events in the payload. */
  events: number;
  /** Events that are not logs (EMF, START, END); control and undecodable payloads count no events at all. */
  skipped: number;
}

/** The index prefix when `INDEX_PREFIX` is not set; the index template and ISM policy patterns match it. */
export const DEFAULT_INDEX_PREFIX = 'usermetrics-logs';
const MAX_LOGGED_REJECTIONS = 10;

/**
 * Builds a forwarder; `handle(event)` indexes one subscription payload. It throws only when retrying the
 * whole batch can help (OpenSearch unreachable or still overloaded after the bounded re-sends).
 * @example
 * const forwarder = createLogForwarder({ endpoint: 'https://search-logs.eu-west-1.es.amazonaws.com' });
 * export const handler = (event: unknown) => forwarder.handle(event);
 */
export function createLogForwarder(options: LogForwarderOptions): {
  handle(event: unknown): Promise<ForwardResult>;
} {
  const now = options.now ?? Date.now;
  const prefix = options.indexPrefix || DEFAULT_INDEX_PREFIX;
  const logger = createLogger(
    'log-forwarder',
    options.logDestination ? { destination: options.logDestination } : {},
  );
  const post =
    options.post ??
    createPostBulk({
      endpoint: options.endpoint,
      now,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
      signer: new SignatureV4({
        service: options.service ?? 'es',
        region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
        credentials: options.credentials ?? fromEnv(),
        sha256: Sha256,
      }),
    });
  const indexOptions = {
    post,
    maxBulkBytes: options.maxBulkBytes ?? 5 * 1024 * 1024,
    maxAttempts: options.maxAttempts ?? 4,
    backoffMs: (attempt: number) => Math.min(2_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2),
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };

  return {
    async handle(event) {
      const empty: ForwardResult = {
        events: 0,
        skipped: 0,
        indexed: 0,
        rejected: [],
        resent: 0,
        requests: 0,
      };
      const decoded = decodeSubscription(event);
      if (!decoded.ok) {
        logger.warn('dropped a subscription payload that does not decode', { reason: decoded.reason });
        return empty;
      }
      const { payload } = decoded;
      if (payload.messageType === 'CONTROL_MESSAGE') return empty;

      const documents: BulkDocument[] = [];
      for (const logEvent of payload.logEvents) {
        const doc = toDocument(logEvent, payload, prefix);
        if (doc !== undefined) documents.push(doc);
      }
      const result: ForwardResult = {
        ...empty,
        events: payload.logEvents.length,
        skipped: payload.logEvents.length - documents.length,
      };
      if (documents.length === 0) return result;

      let summary: IndexSummary;
      try {
        summary = await indexDocuments(documents, indexOptions);
      } catch (err) {
        logger.error('forwarding failed; the batch goes back to Lambda for a retry', err, {
          logGroup: payload.logGroup,
          documents: documents.length,
        });
        throw err;
      }
      if (summary.rejected.length > 0) {
        logger.warn('OpenSearch rejected documents; they are skipped', {
          logGroup: payload.logGroup,
          rejected: summary.rejected.length,
          samples: summary.rejected.slice(0, MAX_LOGGED_REJECTIONS),
        });
      }
      return { ...result, ...summary };
    },
  };
}

let fromEnvironment: ReturnType<typeof createLogForwarder> | undefined;

/**
 * The Lambda entry point, configured from the environment: `OPENSEARCH_ENDPOINT` (required, with scheme),
 * `INDEX_PREFIX`, `OPENSEARCH_SERVICE`, `AWS_REGION` and the function's credentials.
 */
export async function handler(event: unknown): Promise<ForwardResult> {
  if (fromEnvironment === undefined) {
    const endpoint = process.env.OPENSEARCH_ENDPOINT;
    // Thrown, not swallowed: Lambda keeps the batch for its retries and the on-failure destination.
    if (!endpoint) throw new Error('OPENSEARCH_ENDPOINT is not set (e.g. https://search-….es.amazonaws.com)');
    const options: LogForwarderOptions = { endpoint };
    if (process.env.INDEX_PREFIX) options.indexPrefix = process.env.INDEX_PREFIX;
    if (process.env.OPENSEARCH_SERVICE) options.service = process.env.OPENSEARCH_SERVICE;
    fromEnvironment = createLogForwarder(options);
  }
  return fromEnvironment.handle(event);
}
