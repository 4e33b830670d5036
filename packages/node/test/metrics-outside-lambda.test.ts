import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundlePackage, driverFolder } from './bundle-in-child';

// #17 bug 3: outside Lambda with nothing configured, metrics.add output goes to stdout like everything else,
// and nothing opens a connection (aws-embedded-metrics' discovery used to probe the EC2 metadata address,
// then a TCP agent, and the metrics never appeared).
const DRIVER = `
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
const calls = [];
const probe = (target, name) => {
  const original = target[name];
  target[name] = function (...args) { calls.push(name); return original.apply(this, args); };
};
probe(net.Socket.prototype, 'connect');
probe(dgram, 'createSocket');
probe(http, 'request');
probe(http, 'get');
const { metrics } = await import(process.argv[2]);
metrics.add('OrdersPlaced', 1, 'Count', { shop: 'eu' });
await metrics.flush();
process.stderr.write(JSON.stringify({ calls }));
`;

const dir = driverFolder('metrics-local-', DRIVER);

function run(env: Record<string, string>) {
  const child = spawnSync(process.execPath, [join(dir, 'driver.mjs'), join(dir, 'index.mjs')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const docs = child.stdout
    .split('\n')
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const { calls } = JSON.parse(child.stderr.slice(child.stderr.lastIndexOf('{"calls"'))) as {
    calls: string[];
  };
  return { status: child.status, docs, calls };
}

it('writes metrics.add output to stdout without any network call when nothing is configured', async () => {
  await bundlePackage(join(dir, 'index.mjs'), { external: true });

  const local = run({});
  // Positive control: the probes do see the library's agent sink connecting when Agent is picked.
  const agent = run({ AWS_EMF_ENVIRONMENT: 'Agent', AWS_EMF_AGENT_ENDPOINT: 'tcp://127.0.0.1:9' });

  expect(local.status).toBe(0);
  expect(local.docs).toHaveLength(1);
  expect(local.docs[0]).toMatchObject({ OrdersPlaced: 1, shop: 'eu' });
  expect(local.calls).toEqual([]);
  expect(agent.calls.length).toBeGreaterThan(0);
  expect(agent.docs).toHaveLength(0);
}, 120_000);
