import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Settings shared by every example function; `environment` becomes the metrics dimension. */
export const ENVIRONMENT = 'local';

/** A JSON answer in the API Gateway v2 structured format. */
export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The route pattern of a v2 event (`GET /api/hello`), never the raw path: it becomes a metric dimension. */
export function routeOf(event: APIGatewayProxyEventV2): string {
  return event.routeKey;
}

/** `setTimeout` as a promise. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
