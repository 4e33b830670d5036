import middy from '@middy/core';
import { usermetrics } from '@usermetrics/middy';
import { createLogger, metrics } from '@usermetrics/node';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENVIRONMENT, json } from './shared';

const logger = createLogger('example-checkout');

/**
 * `POST /api/checkout` with `{"items": 3, "total": 42.5}`: a middy handler using the usermetrics middleware,
 * recording business metrics with `metrics.add` (they go out as EMF in the same invocation).
 */
export const checkout = middy(async (event: APIGatewayProxyEventV2) => {
  let body: { items?: unknown; total?: unknown } = {};
  try {
    body = JSON.parse(event.body ?? '{}');
  } catch {
    return json(400, { message: 'Body must be JSON' });
  }
  const items = typeof body.items === 'number' && body.items > 0 ? Math.floor(body.items) : 1;
  const total = typeof body.total === 'number' && body.total >= 0 ? body.total : 0;
  metrics.add('OrdersPlaced', 1, 'Count');
  metrics.add('ItemsPerOrder', items, 'Count');
  metrics.add('OrderValue', total, 'None');
  logger.info('order placed', { items, total });
  return json(200, { orderId: `order-${Date.now().toString(36)}`, items, total });
}).use(
  usermetrics({ functionName: 'example-checkout', environment: ENVIRONMENT, metricsNamespace: 'DemoShop' }),
);

/** `GET /api/middy/hello`: the smallest middy handler with the middleware. */
export const middyHello = middy(async () => {
  logger.info('hello from middy');
  return json(200, { message: 'Hello from a middy handler' });
}).use(usermetrics({ functionName: 'example-middy-hello', environment: ENVIRONMENT }));
