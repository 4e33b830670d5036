#!/usr/bin/env node
// `npm run synth`: the offline equivalent of `cdk synth` for this SST app. For each stage it runs the real
// sst.config.ts with SST's real components under Pulumi mocks (scripts/synth-harness.ts) and writes
// <out>/<stage>.json = { stage, resources: [{ type, name, inputs }] }, sorted, with machine paths made relative.
// The harness talks to this process over HTTP exactly like components talk to the SST CLI (`$SST_SERVER/rpc`):
// `Runtime.Build` really bundles the handler with esbuild (so a handler that does not build fails the synth),
// `Provider.Aws.Bootstrap` answers the bootstrap bucket the CLI would create.
//   node scripts/synth.mjs [--out DIR] [--stage dev --stage prod]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { ensureSstPlatform, platformDir, root } from './sst-install.mjs';

const { values } = parseArgs({
  options: { out: { type: 'string', default: '.synth' }, stage: { type: 'string', multiple: true } },
});
const stages = values.stage ?? ['dev', 'prod'];
const outDir = join(root, values.out);
const buildDir = join(root, '.sst', 'synth-build');

ensureSstPlatform();

const unknown = new Set();
async function rpc(method, args) {
  if (method === 'Provider.Aws.Bootstrap') {
    return {
      asset: 'sst-asset-synth',
      assetEcrRegistryId: '123456789012',
      assetEcrUrl: '123456789012.dkr.ecr.synth',
      state: 'sst-state-synth',
    };
  }
  if (method === 'Runtime.Build') {
    // args.handler is e.g. "handlers/web-vitals.handler": bundle handlers/web-vitals.ts like SST would.
    const file = args.handler.slice(0, args.handler.lastIndexOf('.'));
    const exportName = args.handler.slice(args.handler.lastIndexOf('.') + 1);
    const base = file.split('/').pop();
    const out = join(buildDir, args.functionID ?? base);
    const candidates = ['.ts', '.mts', '.js', '.mjs'].map((ext) => join(root, file + ext));
    const { existsSync } = await import('node:fs');
    const entry = candidates.find((c) => existsSync(c));
    if (!entry) return { handler: '', out, errors: [`handler file not found: ${file}`], sourcemaps: [] };
    try {
      await build({
        entryPoints: [entry],
        outfile: join(out, `${base}.mjs`),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        logLevel: 'silent',
        banner: {
          js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        },
      });
    } catch (err) {
      return { handler: '', out, errors: [String(err.message ?? err)], sourcemaps: [] };
    }
    return { handler: `${base}.${exportName}`, out, errors: [], sourcemaps: [] };
  }
  unknown.add(method);
  return {};
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', async () => {
    try {
      const msg = JSON.parse(body);
      const result = await rpc(msg.method, msg.params?.[0] ?? msg.params ?? {});
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: msg.id, result, error: null }));
    } catch (err) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: null, error: String(err) }));
    }
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const harnessSrc = join(platformDir, 'synth-harness.ts');
copyFileSync(join(root, 'scripts/synth-harness.ts'), harnessSrc);
const harnessOut = join(platformDir, 'synth-harness.mjs');
await build({
  entryPoints: [harnessSrc],
  outfile: harnessOut,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [
    {
      name: 'synth-config',
      setup(b) {
        b.onResolve({ filter: /^synth-config$/ }, () => ({ path: join(root, 'sst.config.ts') }));
      },
    },
  ],
});

function runStage(stage) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [harnessOut], {
      cwd: root,
      env: {
        ...process.env,
        SST_SERVER: `http://127.0.0.1:${port}`,
        SYNTH_STAGE: stage,
        SYNTH_ROOT: root,
        SYNTH_PLATFORM: platformDir,
        PULUMI_NODEJS_PROJECT: 'usermetrics',
        PULUMI_NODEJS_STACK: stage,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`synth of ${stage} failed (exit ${code})`));
      const line = out.trim().split('\n').pop();
      resolve(JSON.parse(line));
    });
  });
}

/** Machine-specific strings (absolute paths) become relative so the output is the same on every clone. */
function normalise(value) {
  if (typeof value === 'string') {
    // Bundle hashes change with the code of the packages the handlers bundle (@usermetrics/node, the forwarder),
    // not with this app: the committed synth would drift on every such change.
    const v = value.replace(/-code-[0-9a-f]{64}\.zip$/, '-code-<bundle-sha256>.zip');
    return v.includes(root) ? v.split(root).join('<root>') : v;
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    if (value['4dabf18193072939515e22adb298388d'] === '0def7320c3a5731c473e5ecbe6d01bc7') {
      return { secret: true, value: normalise(value.value) };
    }
    if (value['4dabf18193072939515e22adb298388d'] === 'c44067f5952c0a294b673a41bacd8c17') {
      return { asset: normalise(value.path ?? value.text ?? '') };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

try {
  // Every stage first, then the files: a failing synth leaves the committed .synth/ as it was.
  const results = [];
  for (const stage of stages) results.push([stage, await runStage(stage)]);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [stage, result] of results) {
    const resources = result.resources
      .map((r) => ({ type: r.type, name: r.name, inputs: normalise(r.inputs) }))
      .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type.localeCompare(b.type)));
    const file = join(outDir, `${stage}.json`);
    const reads = result.reads
      .map((r) => ({ type: r.type, name: r.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    writeFileSync(
      file,
      `${JSON.stringify({ stage, resources, reads, outputs: normalise(result.outputs) }, null, 2)}\n`,
    );
    console.log(`synth ${stage}: ${resources.length} resources → ${relative(process.cwd(), file)}`);
  }
  // Same layout as the repo's formatter, so `biome check` stays clean on the committed files.
  if (values.out === '.synth') {
    spawnSync('npx', ['biome', 'format', '--write', ...stages.map((st) => join(outDir, `${st}.json`))], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  if (unknown.size) console.warn(`synth: RPC methods answered with {}: ${[...unknown].join(', ')}`);
} finally {
  server.close();
}
