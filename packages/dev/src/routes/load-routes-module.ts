import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from '../lambda/types';
import type { ApiRoute } from './api-route';

/** Thrown when the `--handlers` module cannot be imported or does not export routes; the message is for the user. */
export class RoutesModuleError extends Error {
  override name = 'RoutesModuleError';
}

/** A Lambda function's default timeout on AWS. */
const DEFAULT_TIMEOUT_MS = 3000;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
const EXAMPLE = `export default { 'GET /api/hello': handler, 'POST /api/orders': { handler: createOrder, timeoutMs: 10000 } }`;

/**
 * Imports a routes module and turns its export into routes. The module's default export (or its named
 * `routes` export) maps `'METHOD /path'` keys to a Lambda handler, or to `{ handler, timeoutMs?, functionName? }`.
 * Paths use API Gateway's syntax: `/users/{id}`, `/files/{proxy+}`; `ANY` matches every method.
 * @throws RoutesModuleError with what is wrong and an example of what is expected.
 */
export async function loadRoutesModule(file: string, cwd: string = process.cwd()): Promise<ApiRoute[]> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new RoutesModuleError(`--handlers: ${path} does not exist.`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new RoutesModuleError(`--handlers: importing ${path} failed: ${reason}`);
  }
  const table = mod.default ?? mod.routes;
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    throw new RoutesModuleError(
      `--handlers: ${path} must export its routes as the default export (or as \`routes\`), e.g.\n  ${EXAMPLE}`,
    );
  }
  return toRoutes(table as Record<string, unknown>, path);
}

/** Validates a routes table (`{ 'GET /api/hello': handler }`) and returns its routes in declaration order. */
export function toRoutes(table: Record<string, unknown>, source = 'the routes module'): ApiRoute[] {
  const problems: string[] = [];
  const routes: ApiRoute[] = [];
  for (const [key, value] of Object.entries(table)) {
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(key.trim());
    const method = m?.[1]?.toUpperCase();
    if (m === null || method === undefined || !METHODS.includes(method)) {
      problems.push(`"${key}": the key must be "METHOD /path" with METHOD one of ${METHODS.join(', ')}`);
      continue;
    }
    const path = m[2] as string;
    const spec = typeof value === 'function' ? { handler: value } : value;
    const handler = (spec as { handler?: unknown } | null)?.handler;
    if (typeof handler !== 'function') {
      problems.push(
        `"${key}": the value must be a handler function or { handler, timeoutMs?, functionName? }`,
      );
      continue;
    }
    const { timeoutMs = DEFAULT_TIMEOUT_MS, functionName = defaultFunctionName(method, path) } = spec as {
      timeoutMs?: unknown;
      functionName?: unknown;
    };
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
      problems.push(`"${key}": timeoutMs must be a positive number of milliseconds`);
      continue;
    }
    if (typeof functionName !== 'string' || functionName === '') {
      problems.push(`"${key}": functionName must be a non-empty string`);
      continue;
    }
    routes.push({ method, path, functionName, timeoutMs, handler: handler as LambdaHandler });
  }
  if (problems.length > 0) {
    throw new RoutesModuleError(
      `--handlers: ${source} has bad routes:\n  ${problems.join('\n  ')}\ne.g. ${EXAMPLE}`,
    );
  }
  if (routes.length === 0)
    throw new RoutesModuleError(`--handlers: ${source} exports no routes, e.g.\n  ${EXAMPLE}`);
  return routes;
}

/** `GET /api/users/{id}` → `get-api-users-id`, the name the function is shown under. */
function defaultFunctionName(method: string, path: string): string {
  const slug = path
    .replace(/[{}+]/g, '')
    .split('/')
    .filter((s) => s !== '')
    .join('-');
  return `${method.toLowerCase()}${slug === '' ? '-root' : `-${slug}`}`;
}
