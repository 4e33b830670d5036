import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { pinoForLambda } from '../build/pino-for-lambda';
import { bundlePackage, driverFolder } from './bundle-in-child';

// dist/ bundles pino through build/pino-for-lambda.ts (#13, cold start): pino's file destination,
// transports and worker-thread machinery are left out, and with them the built-ins they load at import.
// A child process imports the package bundled both ways, writes log lines, and reports which of those
// built-ins Node loaded; the lines must be the same.
const DRIVER = `
const { createLogger, withUsermetrics } = await import(process.argv[2]);
const logger = createLogger('fn', { redactKeys: ['orderSecret'] });
logger.info('order placed', { orderId: 'o-1', orderSecret: 's', email: 'a@b.example' });
const failing = withUsermetrics(async () => { logger.warn('slow', { ms: 3 }); throw new TypeError('boom'); },
  { functionName: 'fn', environment: 'test' });
await failing({}, { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30000 }).catch(() => undefined);
logger.child({ requestId: 'r-2' }).error('failed', new Error('outer', { cause: new Error('inner') }));
const loaded = ['worker_threads', 'assert', 'os'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m));
process.stderr.write('RESULT' + JSON.stringify(loaded) + '\\n');
`;

const PKG = fileURLToPath(new URL('..', import.meta.url));
const dir = driverFolder('pino-for-lambda-', DRIVER);

// The package's other dependencies stay external, as in dist/.
const bundle = (name: string, plugins: Plugin[]) =>
  bundlePackage(join(dir, `${name}.mjs`), {
    external: [
      '@usermetrics/core',
      'aws-embedded-metrics',
      '@jridgewell/trace-mapping',
      '@aws-sdk/client-s3',
    ],
    plugins,
  });

function run(file: string): { lines: Record<string, unknown>[]; loaded: string[] } {
  const env = { PATH: process.env.PATH, AWS_LAMBDA_FUNCTION_NAME: 'fn' };
  const child = spawnSync(process.execPath, [join(dir, 'driver.mjs'), file], { env, encoding: 'utf8' });
  const result = child.stderr.split('\n').find((l) => l.startsWith('RESULT'));
  expect(result, child.stderr).toBeDefined();
  const lines = child.stdout
    .split('\n')
    .filter((l) => l.startsWith('{"level"'))
    .map((l) => {
      // Timestamps and stacks (file names, line numbers of each bundle) differ between runs; their shape is checked.
      const { timestamp, ...rest } = JSON.parse(l) as Record<string, unknown>;
      expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      for (let e = rest.error as Record<string, unknown> | undefined; e !== undefined; e = e.cause as never) {
        expect(typeof e.stack).toBe('string');
        e.stack = '<stack>';
      }
      return rest;
    });
  return { lines, loaded: JSON.parse((result as string).slice('RESULT'.length)) };
}

describe('pino bundled for Lambda', () => {
  it('loads no worker_threads, assert or os at all, and writes the same lines as the whole of pino', async () => {
    const trimmed = run(await bundle('trimmed', [pinoForLambda()]));
    // Positive control: the whole of pino loads all three built-ins when the same lines are written.
    const whole = run(await bundle('whole', []));
    expect(whole.loaded).toEqual(['worker_threads', 'assert', 'os']);
    expect(trimmed.loaded).toEqual([]);

    expect(trimmed.lines.map((l) => l.level)).toEqual(['INFO', 'WARN', 'ERROR', 'ERROR']);
    expect(trimmed.lines).toEqual(whole.lines);
    expect(trimmed.lines[2]).toMatchObject({
      requestId: 'req-1',
      error: { name: 'TypeError', message: 'boom' },
    });
    expect(trimmed.lines[3]).toMatchObject({ error: { message: 'outer', cause: { message: 'inner' } } });
    expect(JSON.stringify(trimmed.lines)).not.toContain('a@b.example');
    expect(trimmed.lines[0]).toMatchObject({ context: { orderId: 'o-1', orderSecret: '[REDACTED]' } });
  });

  it('a stubbed part of pino fails loudly if it is ever reached', async () => {
    const file = join(dir, 'stub.mjs');
    await build({
      stdin: { contents: "import pino from 'pino'; export { pino };", resolveDir: PKG },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: file,
      logLevel: 'error',
      plugins: [pinoForLambda()],
    });
    const { pino } = (await import(file)) as { pino: typeof import('pino').default };
    expect(() => pino()).toThrow(/pino.destination is not bundled/);
    expect(() => pino.transport({ target: 'pino-pretty' })).toThrow(/pino.transport is not bundled/);
    const sink = { write: () => undefined };
    expect(() => pino({ redact: ['password'] }, sink)).toThrow(/redact option is not bundled/);
    expect(() => pino({}, sink).info({ err: new Error('x') }, 'failed')).toThrow(
      /stdSerializers is not bundled/,
    );
    // Positive control: pino with a sink of its own works in the same bundle.
    const lines: string[] = [];
    pino({ base: undefined }, { write: (l: string) => lines.push(l) }).info('ok');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ msg: 'ok', level: 30 });
  });
});
