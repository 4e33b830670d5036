import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RELEASE_PATTERN } from '@usermetrics/core';
import { type S3Uploader, uploadSourceMaps } from './upload-source-maps';

const USAGE = `Usage: usermetrics-sourcemaps upload <dir> --bucket <bucket> --release <release> [--prefix <prefix>] [--region <region>] [--endpoint <url>]

Uploads every .map file under <dir> (or under <dir>/<release> when that folder exists, as
@usermetrics/vite lays them out) to s3://<bucket>/<prefix><release>/<path>. Credentials come from
the usual AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID, a role, ...).`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * The `usermetrics-sourcemaps` command: returns the exit code (0 ok, 1 upload failed, 2 bad usage).
 * @example await runCli(['upload', '.usermetrics/sourcemaps', '--bucket', 'b', '--release', '1.2.3'])
 */
export async function runCli(argv: string[], io: CliIo, uploader?: S3Uploader): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, dir] = positionals;
  const problems: string[] = [];
  if (command !== 'upload') problems.push(`unknown command ${JSON.stringify(command ?? '')}`);
  if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) problems.push('<dir> must be a folder');
  if (!values.bucket) problems.push('--bucket is required');
  if (!values.release || !RELEASE_PATTERN.test(values.release))
    problems.push('--release is required: letters, digits and . _ - + @, no slash');
  if (problems.length > 0 || !dir || !values.bucket || !values.release) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const nested = join(dir, values.release);
  const from = existsSync(nested) && statSync(nested).isDirectory() ? nested : dir;
  const clientConfig: Record<string, unknown> = {};
  if (values.region) clientConfig.region = values.region;
  if (values.endpoint) Object.assign(clientConfig, { endpoint: values.endpoint, forcePathStyle: true });
  try {
    const { keys } = await uploadSourceMaps(
      from,
      values.release,
      { bucket: values.bucket, prefix: values.prefix ?? '', clientConfig },
      uploader,
    );
    if (keys.length === 0) {
      io.err(`No .map files under ${from}: nothing uploaded.`);
      return 1;
    }
    io.out(
      `Uploaded ${keys.length} source maps to s3://${values.bucket}/${values.prefix ?? ''}${values.release}/`,
    );
    return 0;
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      bucket: { type: 'string' },
      release: { type: 'string' },
      prefix: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
