import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePackage, driverFolder } from './bundle-in-child';

// aws-embedded-metrics starts resolving its environment when its module is evaluated, and with
// AWS_EMF_ENABLE_DEBUG_LOGGING=true it says so on console.log ("Resolving environment"). A child process
// records whether that line was printed after each step, so the test sees module evaluation itself.
const DRIVER = `
const printed = [];
console.log = (...args) => { printed.push(args.map(String).join(' ')); };
const loaded = () => printed.some((l) => l.includes('Resolving environment'));
const result = {};
const { metrics, withUsermetrics } = await import(process.argv[2]);
result.afterImport = loaded();
const handler = withUsermetrics(async () => { metrics.add('LambdaOrders', 1, 'Count'); return 'ok'; },
  { functionName: 'fn', environment: 'test' });
result.handlerResult = await handler({}, { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30000 });
result.afterLambdaInvocation = loaded();
process.env.AWS_EMF_ENVIRONMENT = 'Local';
metrics.add('LocalJobs', 2, 'Count', { job: 'cleanup' });
await metrics.flush();
result.afterLocalFlush = loaded();
result.localDoc = printed.find((l) => l.includes('"LocalJobs"'));
process.stderr.write('RESULT' + JSON.stringify(result) + '\\n');
`;

const dir = driverFolder('lazy-aws-emf-', DRIVER);

function run(bundlePath: string) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_LAMBDA_FUNCTION_NAME: 'fn',
    AWS_EMF_ENABLE_DEBUG_LOGGING: 'true',
  };
  const child = spawnSync(process.execPath, [join(dir, 'driver.mjs'), bundlePath], { env, encoding: 'utf8' });
  const line = child.stderr.split('\n').find((l) => l.startsWith('RESULT'));
  expect(line, child.stderr).toBeDefined();
  return { stdout: child.stdout, result: JSON.parse((line as string).slice('RESULT'.length)) };
}

describe('aws-embedded-metrics is loaded only when a non-Lambda environment flushes', () => {
  it.each([
    ['bundled like SST deploys it (esbuild, every dependency inlined)', false],
    ['with dependencies from node_modules (as the npm package runs)', true],
  ])('%s', async (_name, external) => {
    const { stdout, result } = run(
      await bundlePackage(join(dir, `${external ? 'external' : 'bundled'}.mjs`), { external }),
    );
    expect(result.afterImport).toBe(false);
    // In Lambda the user's metric is written by our own serializer, still without loading the library.
    expect(result.handlerResult).toBe('ok');
    const lambdaDoc = stdout.split('\n').find((l) => l.includes('"LambdaOrders"'));
    expect(lambdaDoc, stdout).toBeDefined();
    expect(JSON.parse(lambdaDoc as string)).toMatchObject({ LambdaOrders: 1, functionName: 'fn' });
    expect(result.afterLambdaInvocation).toBe(false);
    // Positive control: the probe does see the library once an environment that needs it flushes.
    expect(result.afterLocalFlush).toBe(true);
    expect(JSON.parse(result.localDoc)).toMatchObject({ LocalJobs: 2, job: 'cleanup' });
  });
});
