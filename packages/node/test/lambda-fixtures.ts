/** Real-looking API Gateway events and Lambda contexts for wrapper tests (shapes as AWS delivers them). */

export function httpApiV2Event(overrides: { sessionId?: string; routeKey?: string; rawPath?: string } = {}) {
  const routeKey = overrides.routeKey ?? 'GET /users/{id}';
  const rawPath = overrides.rawPath ?? '/users/42';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-length': '0',
    host: 'abc123.execute-api.eu-west-1.amazonaws.com',
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)',
    'x-amzn-trace-id': 'Root=1-6745b1c2-0a1b2c3d4e5f60718293a4b5',
    'x-forwarded-for': '203.0.113.7',
  };
  if (overrides.sessionId !== undefined) headers['x-session-id'] = overrides.sessionId;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: 'expand=orders',
    headers,
    queryStringParameters: { expand: 'orders' },
    pathParameters: { id: '42' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'GET',
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'Mozilla/5.0',
      },
      requestId: 'Kx9_2hQ0IAMEVxg=',
      routeKey,
      stage: '$default',
      time: '26/Nov/2026:03:00:00 +0000',
      timeEpoch: 1_795_748_400_000,
    },
    isBase64Encoded: false,
  };
}

export function restApiV1Event(
  overrides: { sessionHeader?: [string, string]; resource?: string; path?: string } = {},
) {
  const resource = overrides.resource ?? '/orders/{orderId}';
  const path = overrides.path ?? '/orders/o-981';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Host: 'xyz789.execute-api.eu-west-1.amazonaws.com',
    'User-Agent': 'Mozilla/5.0 (Macintosh)',
    'X-Forwarded-For': '198.51.100.4',
  };
  if (overrides.sessionHeader) headers[overrides.sessionHeader[0]] = overrides.sessionHeader[1];
  return {
    resource,
    path,
    httpMethod: 'POST',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { orderId: 'o-981' },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'xyz789',
      httpMethod: 'POST',
      path: `/prod${path}`,
      stage: 'prod',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      resourceId: 'roq9wj',
      resourcePath: resource,
      identity: { sourceIp: '198.51.100.4', userAgent: 'Mozilla/5.0' },
      requestTimeEpoch: 1_795_748_400_000,
    },
    body: '{"items":1}',
    isBase64Encoded: false,
  };
}

let counter = 0;

/** A Lambda Context whose remaining time follows Date.now() (so vitest fake timers drive it). */
export function lambdaContext(timeoutMs = 3000, requestId?: string) {
  const deadline = Date.now() + timeoutMs;
  counter++;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'orders-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api',
    memoryLimitInMB: '512',
    awsRequestId: requestId ?? `8f5e2c1a-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    logGroupName: '/aws/lambda/orders-api',
    logStreamName: '2026/11/26/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** A controllable clock: `now` is ms since process start, `epochMs` follows Date.now(). */
export function testClock(startMs = 120) {
  const clock = {
    t: startMs,
    now: () => clock.t,
    epochMs: () => Date.now(),
  };
  return clock;
}
