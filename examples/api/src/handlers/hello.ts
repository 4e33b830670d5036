import { createLogger, getInvocationContext, withUsermetrics } from '@usermetrics/node';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENVIRONMENT, json, routeOf } from './shared';

const logger = createLogger('example-hello');

/**
 * `GET /api/hello`: the plainest instrumented handler. Its log line carries the browser's `X-Session-Id`
 * (DESIGN §2), which is how the dashboard ties a front-end error to this function's logs.
 */
export const hello = withUsermetrics(
  async (event: APIGatewayProxyEventV2) => {
    const invocation = getInvocationContext();
    logger.info('hello called', { userAgentFamily: (event.headers['user-agent'] ?? '').split('/')[0] });
    return json(200, {
      message: 'Hello from a Lambda handler',
      requestId: invocation?.requestId,
      sessionId: invocation?.sessionId ?? null,
    });
  },
  { functionName: 'example-hello', environment: ENVIRONMENT, route: routeOf },
);
