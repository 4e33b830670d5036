import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const logger = new Logger({ serviceName: 'bench-fn' });
const metrics = new Metrics({ namespace: 'Bench', serviceName: 'bench-fn' });
export const handler = async (_event, context) => {
  logger.addContext(context);
  metrics.captureColdStartMetric();
  metrics.addMetric('OrdersPlaced', MetricUnit.Count, 1);
  logger.info('order placed', { orderId: 'o-1' });
  metrics.publishStoredMetrics();
  return { statusCode: 200, body: '{"ok":true}' };
};
