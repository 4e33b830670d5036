import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/run-cli';
import { buildApp } from './build-app';
import { startS3StandIn } from './s3-stand-in';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('source-map upload to S3', () => {
  it('uploads the moved maps under <prefix><release>/ after a vite build', async () => {
    const s3 = await startS3StandIn();
    close = s3.close;

    const { mapsRoot } = await buildApp({
      release: 'up-1',
      upload: { bucket: 'app-maps', prefix: 'web/', clientConfig: s3.clientConfig },
    });

    const onDisk = readdirSync(join(mapsRoot, 'up-1', 'assets'));
    expect(onDisk.length).toBeGreaterThan(0);
    expect(s3.objects.map((o) => o.key).sort()).toEqual(onDisk.map((f) => `web/up-1/assets/${f}`).sort());
    const first = s3.objects[0];
    expect(first?.bucket).toBe('app-maps');
    expect(first?.contentType).toBe('application/json');
    expect(JSON.parse(first?.body ?? '').version).toBe(3);
  });

  it('fails the build with a message that names the bucket and the S3 error', async () => {
    const s3 = await startS3StandIn({ status: 403, code: 'AccessDenied' });
    close = s3.close;

    await expect(
      buildApp({ release: 'up-2', upload: { bucket: 'app-maps', clientConfig: s3.clientConfig } }),
    ).rejects.toThrow(
      /Uploading source maps to s3:\/\/app-maps\/up-2\/ failed at up-2\/assets\/.*AccessDenied/,
    );
  });
});

describe('usermetrics-sourcemaps upload', () => {
  function mapsFolder() {
    const dir = mkdtempSync(join(tmpdir(), 'um-cli-'));
    mkdirSync(join(dir, '2.0.0', 'assets'), { recursive: true });
    writeFileSync(
      join(dir, '2.0.0', 'assets', 'index-abc.js.map'),
      '{"version":3,"sources":[],"mappings":""}',
    );
    return dir;
  }
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
  };

  it('uploads the release folder of a sourcemaps directory', async () => {
    const s3 = await startS3StandIn();
    close = s3.close;
    const { lines, io: cliIo } = io();

    const code = await runCli(
      [
        'upload',
        mapsFolder(),
        '--bucket',
        'b',
        '--release',
        '2.0.0',
        '--endpoint',
        s3.clientConfig.endpoint,
        '--region',
        'us-east-1',
      ],
      cliIo,
    );

    expect({ code, err: lines.err }).toEqual({ code: 0, err: [] });
    expect(s3.objects.map((o) => `${o.bucket}/${o.key}`)).toEqual(['b/2.0.0/assets/index-abc.js.map']);
    expect(lines.out[0]).toContain('Uploaded 1 source maps to s3://b/2.0.0/');
  });

  it('exits 2 with the usage for missing options, uploading nothing', async () => {
    const { lines, io: cliIo } = io();

    const code = await runCli(['upload', mapsFolder()], cliIo);

    expect(code).toBe(2);
    expect(lines.err.join('\n')).toMatch(/--bucket is required[\s\S]*Usage: usermetrics-sourcemaps upload/);
  });

  it('exits 1 with the S3 error when the upload fails', async () => {
    const s3 = await startS3StandIn({ status: 403, code: 'AccessDenied' });
    close = s3.close;
    const { lines, io: cliIo } = io();

    const code = await runCli(
      [
        'upload',
        mapsFolder(),
        '--bucket',
        'b',
        '--release',
        '2.0.0',
        '--endpoint',
        s3.clientConfig.endpoint,
        '--region',
        'us-east-1',
      ],
      cliIo,
    );

    expect(code).toBe(1);
    expect(lines.err.join('\n')).toContain('AccessDenied');
  });
});
