import { createMetricsLogger, Unit } from 'aws-embedded-metrics';
import pino from 'pino';

const logger = pino();
export const handler = async (_event, context) => {
  const metrics = createMetricsLogger();
  metrics.putMetric('OrdersPlaced', 1, Unit.Count);
  logger.child({ requestId: context.awsRequestId }).info({ orderId: 'o-1' }, 'order placed');
  await metrics.flush();
  return { statusCode: 200, body: '{"ok":true}' };
};
