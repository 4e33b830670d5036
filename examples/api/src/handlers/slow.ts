import { createLogger, withUsermetrics } from '@usermetrics/node';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENVIRONMENT, json, routeOf, sleep } from './shared';

const logger = createLogger('example-slow');

/** The function's timeout as deployed; the collector honours it through `getRemainingTimeInMillis`. */
export const SLOW_TIMEOUT_MS = 3000;
/** Longest sleep accepted, so a typo cannot park the handler. */
const MAX_SLEEP_MS = 10_000;

/**
 * `GET /api/slow?sleepMs=2800`: sleeps as long as asked. Past `timeout − timeoutMarginMs` (2.5 s here) the
 * wrapper logs its timeout warning and counts `TimeoutWarning`; past 3 s the invocation times out.
 */
export const slow = withUsermetrics(
  async (event: APIGatewayProxyEventV2) => {
    const asked = Number(event.queryStringParameters?.sleepMs ?? 200);
    const sleepMs = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_SLEEP_MS) : 200;
    logger.info('slow work started', { sleepMs });
    await sleep(sleepMs);
    logger.info('slow work finished', { sleepMs });
    return json(200, { sleptMs: sleepMs });
  },
  { functionName: 'example-slow', environment: ENVIRONMENT, route: routeOf, timeoutMarginMs: 500 },
);
