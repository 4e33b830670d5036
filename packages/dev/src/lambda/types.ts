/**
 * Look-alikes of the `@types/aws-lambda` shapes the adapter produces, so the collector needs no extra type
 * package and the handlers receive exactly what API Gateway HTTP API (payload format 2.0) would send.
 */

/** An API Gateway HTTP API v2 event. */
export interface ApiGatewayV2Event {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

/** The Lambda context object, with a deadline honouring the route's timeout. */
export interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Milliseconds until the route's `timeoutMs` runs out, counted from the start of the invocation. */
  getRemainingTimeInMillis(): number;
  /** Deprecated Lambda callback style; accepted and ignored (return or throw instead). */
  done(error?: unknown, result?: unknown): void;
  /** Deprecated Lambda callback style; accepted and ignored (throw instead). */
  fail(error: unknown): void;
  /** Deprecated Lambda callback style; accepted and ignored (return instead). */
  succeed(result: unknown): void;
}

/** Any Lambda handler the collector can run (async style; callback handlers are not supported). */
export type LambdaHandler = (event: ApiGatewayV2Event, context: LambdaContext) => unknown;

/** The structured result of an HTTP API v2 integration. */
export interface ApiGatewayV2Result {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}
