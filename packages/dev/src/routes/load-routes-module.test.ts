import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoutesModule, RoutesModuleError, toRoutes } from './load-routes-module';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'um-routes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function moduleWith(name: string, source: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, source);
  return file;
}

describe('loadRoutesModule', () => {
  it('reads a default export of "METHOD /path" → handler, with Lambda defaults', async () => {
    const file = await moduleWith(
      'ok.mjs',
      `const hello = async () => ({ statusCode: 200, body: 'hi' });
       export default { 'GET /api/hello': hello, 'post /api/orders/{id}': { handler: hello, timeoutMs: 10000, functionName: 'orders' } };`,
    );
    const routes = await loadRoutesModule(file);
    expect(routes.map(({ handler, ...r }) => ({ ...r, handler: typeof handler }))).toEqual([
      {
        method: 'GET',
        path: '/api/hello',
        functionName: 'get-api-hello',
        timeoutMs: 3000,
        handler: 'function',
      },
      {
        method: 'POST',
        path: '/api/orders/{id}',
        functionName: 'orders',
        timeoutMs: 10000,
        handler: 'function',
      },
    ]);
    await expect(routes[0]?.handler({} as never, {} as never)).resolves.toEqual({
      statusCode: 200,
      body: 'hi',
    });
  });

  it('reads a named `routes` export and resolves the path against the given folder', async () => {
    await moduleWith('named.mjs', `export const routes = { 'ANY /{proxy+}': () => ({}) };`);
    const routes = await loadRoutesModule('named.mjs', dir);
    expect(routes[0]?.functionName).toBe('any-proxy');
  });

  it.each([
    ['a missing file', 'nope.mjs', undefined, /does not exist/],
    [
      'a module that throws on import',
      'throws.mjs',
      `throw new Error('boom at import');`,
      /importing .* failed: Error: boom at import/,
    ],
    ['a syntax error', 'syntax.mjs', `export default {`, /importing .* failed: /],
    ['no routes export', 'none.mjs', `export const x = 1;`, /must export its routes as the default export/],
    ['an array', 'array.mjs', `export default [];`, /must export its routes/],
  ])('refuses %s with a RoutesModuleError that says what is wrong', async (_what, name, source, message) => {
    const file = source === undefined ? join(dir, name) : await moduleWith(name, source);
    const error = await loadRoutesModule(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoutesModuleError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('toRoutes', () => {
  it('lists every bad entry at once, with an example of a good one', () => {
    const run = () =>
      toRoutes({
        '/api/no-method': () => ({}),
        'FETCH /api/x': () => ({}),
        'GET /api/not-a-function': 'handler',
        'GET /api/bad-timeout': { handler: () => ({}), timeoutMs: -1 },
        'GET /api/ok': () => ({}),
      });
    expect(run).toThrow(RoutesModuleError);
    expect(run).toThrow(/\/api\/no-method[\s\S]*FETCH[\s\S]*not-a-function[\s\S]*bad-timeout[\s\S]*e\.g\./);
  });

  it('refuses an empty table', () => {
    expect(() => toRoutes({})).toThrow(/exports no routes/);
  });
});
