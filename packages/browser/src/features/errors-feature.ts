import { createErrorCapture, type ErrorCapture } from '../errors/create-error-capture';
import type { RuntimeContext } from '../runtime/types';
import type { Transport } from '../transport/create-transport';
import { umamiSendUrl } from '../umami/create-umami';
import { pageFacts } from './page-facts';

/**
 * Error processing: fingerprint, dedupe, per-session cap, full redaction, POST /errors/report (DESIGN §5.2).
 * Started in the runtime step that takes over the loader's queue, so errors captured before load are the
 * first thing it sends.
 */
export function createErrorsFeature(
  ctx: RuntimeContext,
  transport: Transport,
  getReplayUrl: () => string | undefined,
): ErrorCapture {
  const { resolved, consent } = ctx;
  const { config } = resolved;
  const errorsUrl = `${resolved.endpoint}/errors/report`;
  return createErrorCapture({
    url: errorsUrl,
    transport,
    maxPerSession: resolved.errors?.maxPerSession ?? 0,
    isAllowed: () => consent.allows('errors'),
    getSessionId: () => ctx.session.getId(),
    page: () => ({
      ...pageFacts(config.routes, ctx.navigations.hrefAt()),
      userAgent: ctx.env.navigator.userAgent ?? '',
    }),
    getReplayUrl,
    release: config.release,
    onDrop: ctx.drop,
    onSent: ctx.sent,
    log: ctx.log,
    isClosed: ctx.isClosed,
    // Full request URLs, not origins: with the ingestion API on the app's own origin, every stack frame
    // would contain the bare endpoint and no unhandled error would ever be reported.
    ownUrls: [
      `${resolved.endpoint}/metrics/web-vitals`,
      errorsUrl,
      config.umami && umamiSendUrl(config.umami.hostUrl),
      config.replay && `${config.replay.ingestPoint.replace(/\/+$/, '')}/v1/web/`,
    ].filter((u): u is string => typeof u === 'string'),
  });
}
