import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASE_PATTERN } from '@usermetrics/core';

/**
 * The build's release: the option, else `USERMETRICS_RELEASE`, else the git commit of `root`, else the
 * `version` of `root`'s package.json. Throws a clear error when none is found or it cannot name a folder.
 * @example resolveRelease(undefined, process.cwd()) // '3f1c9e0…' (the commit)
 */
export function resolveRelease(option: string | undefined, root: string): string {
  const release = option ?? (process.env.USERMETRICS_RELEASE || gitCommit(root) || packageVersion(root));
  if (release === undefined) {
    throw new Error(
      '[usermetrics] No release for this build: pass usermetrics({ release }), set USERMETRICS_RELEASE, ' +
        'build inside a git repository, or give package.json a version.',
    );
  }
  if (!RELEASE_PATTERN.test(release)) {
    throw new Error(
      `[usermetrics] Release ${JSON.stringify(release)} cannot name a source-map folder: use letters, digits ` +
        'and . _ - + @ (at most 100 characters, no slash).',
    );
  }
  return release;
}

function gitCommit(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    }).trim();
    return /^[0-9a-f]{7,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function packageVersion(root: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' && version !== '' ? version : undefined;
  } catch {
    return undefined;
  }
}
