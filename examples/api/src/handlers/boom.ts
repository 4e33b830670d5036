import { withUsermetrics } from '@usermetrics/node';
import { ENVIRONMENT, routeOf } from './shared';

/** Thrown by {@link boom}; a named class so the `errorType` dimension shows something specific. */
export class InventoryUnavailableError extends Error {
  override name = 'InventoryUnavailableError';
}

/**
 * `GET /api/boom`: always throws. The wrapper logs the error, counts `Errors`, and rethrows the same
 * object, so API Gateway (here: the collector) answers 502 as it would on AWS.
 */
export const boom = withUsermetrics(
  async () => {
    throw new InventoryUnavailableError(
      'Inventory service is unavailable (thrown on purpose by the example)',
    );
  },
  { functionName: 'example-boom', environment: ENVIRONMENT, route: routeOf },
);
