import type { LambdaHandler } from '../lambda/types';

/** One Lambda function mounted on an HTTP API route, as infrastructure code would declare it. */
export interface ApiRoute {
  /** `GET`, `POST`, …, or `ANY`. */
  method: string;
  /** `/api/hello`, `/api/users/{id}`, `/api/{proxy+}` (API Gateway's path syntax). */
  path: string;
  /** The function's name in logs, metrics and the dashboard. */
  functionName: string;
  /** The function's configured timeout: the Lambda context counts down from it. */
  timeoutMs: number;
  handler: LambdaHandler;
}

/** The path parameters of a request that matched a route, or `undefined` when it did not match. */
export function matchApiRoute(
  route: Pick<ApiRoute, 'method' | 'path'>,
  method: string,
  path: string,
): Record<string, string> | undefined {
  if (route.method !== 'ANY' && route.method !== method) return undefined;
  const want = route.path.split('/');
  const got = path.split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    const greedy = /^\{([A-Za-z0-9_]+)\+\}$/.exec(segment);
    if (greedy !== null && i === want.length - 1) {
      const tail = got.slice(i).join('/');
      if (tail === '') return undefined;
      params[greedy[1] as string] = tail;
      return params;
    }
    const part = got[i];
    if (part === undefined) return undefined;
    const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
    if (param !== null) {
      if (part === '') return undefined;
      params[param[1] as string] = part;
    } else if (segment !== part) return undefined;
  }
  return got.length === want.length ? params : undefined;
}
