import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { boom } from './handlers/boom';
import { checkout, middyHello } from './handlers/checkout';
import { hello } from './handlers/hello';
import { SLOW_TIMEOUT_MS, slow } from './handlers/slow';

/** One Lambda function mounted on an HTTP API route, as infrastructure code would declare it. */
export interface ExampleRoute {
  method: 'GET' | 'POST';
  path: string;
  functionName: string;
  /** The function's configured timeout. */
  timeoutMs: number;
  description: string;
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
}

/** Every example function; `usermetrics-dev` mounts them behind its API Gateway v2 adapter. */
export const exampleRoutes: readonly ExampleRoute[] = [
  {
    method: 'GET',
    path: '/api/hello',
    functionName: 'example-hello',
    timeoutMs: 3000,
    description: 'withUsermetrics, logs with the session id',
    handler: hello as ExampleRoute['handler'],
  },
  {
    method: 'GET',
    path: '/api/slow',
    functionName: 'example-slow',
    timeoutMs: SLOW_TIMEOUT_MS,
    description: 'sleeps ?sleepMs= (timeout warning past 2.5 s)',
    handler: slow as ExampleRoute['handler'],
  },
  {
    method: 'GET',
    path: '/api/boom',
    functionName: 'example-boom',
    timeoutMs: 3000,
    description: 'throws; the wrapper logs and rethrows',
    handler: boom as ExampleRoute['handler'],
  },
  {
    method: 'POST',
    path: '/api/checkout',
    functionName: 'example-checkout',
    timeoutMs: 3000,
    description: 'middy + usermetrics(), records metrics.add',
    handler: checkout as ExampleRoute['handler'],
  },
  {
    method: 'GET',
    path: '/api/middy/hello',
    functionName: 'example-middy-hello',
    timeoutMs: 3000,
    description: 'middy + usermetrics()',
    handler: middyHello as ExampleRoute['handler'],
  },
];
