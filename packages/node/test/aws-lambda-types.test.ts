import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  Context,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { getInvocationContext, withUsermetrics } from '../src/index';
import { httpApiV2Event, lambdaContext, restApiV1Event, testClock } from './lambda-fixtures';
import { createStdout } from './stdout-lines';

describe('typing with @types/aws-lambda', () => {
  it('accepts handlers typed with the aws-lambda event and context types and keeps their types', async () => {
    const stdout = createStdout();
    const options = { functionName: 'fn', environment: 'e', stdout, clock: testClock() };
    const v2 = withUsermetrics(
      async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => ({
        statusCode: 200,
        body: `${event.routeKey} ${context.awsRequestId} ${getInvocationContext()?.requestId}`,
      }),
      { ...options, route: (event) => event.routeKey },
    );
    const v1 = withUsermetrics(async (event: APIGatewayProxyEvent) => event.resource, options);
    const result = await v2(
      httpApiV2Event() as unknown as APIGatewayProxyEventV2,
      lambdaContext(3000, 'r-9') as unknown as Context,
    );
    expect(result).toEqual({ statusCode: 200, body: 'GET /users/{id} r-9 r-9' });
    await expect(
      v1(restApiV1Event() as unknown as APIGatewayProxyEvent, lambdaContext() as unknown as Context),
    ).resolves.toBe('/orders/{orderId}');
    expect(stdout.emf().length).toBeGreaterThan(0);
  });
});
