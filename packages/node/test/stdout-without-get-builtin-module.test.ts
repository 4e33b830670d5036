import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundlePackage, driverFolder } from './bundle-in-child';

// Node 20 before 20.16 has no process.getBuiltinModule, and an ES module has no require: the stdout writer
// must still write every line (first through process.stdout, then through node:fs once it is imported).
const DRIVER = `
if (process.argv[3] === 'old') delete process.getBuiltinModule;
const { createLogger } = await import(process.argv[2]);
const logger = createLogger('fn');
logger.info('first line');
await new Promise((resolve) => setTimeout(resolve, 20));
logger.info('second line');
`;

const dir = driverFolder('stdout-old-node-', DRIVER);

it.each(['old', 'current'])(
  'writes every log line on a Node without process.getBuiltinModule (%s)',
  async (mode) => {
    const outfile = join(dir, 'index.mjs');
    // An ES module with dependencies from node_modules, as the published dist/index.js runs.
    await bundlePackage(outfile, { external: true });
    const child = spawnSync(process.execPath, [join(dir, 'driver.mjs'), outfile, mode], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    const messages = child.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { message: string }).message);
    expect(messages).toEqual(['first line', 'second line']);
  },
);
