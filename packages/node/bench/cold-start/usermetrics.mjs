import { createLogger, metrics, withUsermetrics } from '@usermetrics/node';

const logger = createLogger('bench-fn');
export const handler = withUsermetrics(async () => {
  metrics.add('OrdersPlaced', 1, 'Count');
  logger.info('order placed', { orderId: 'o-1' });
  return { statusCode: 200, body: '{"ok":true}' };
});
