// `npm pack` every published package of packages/ into one folder: the tarballs a user installs before a release.
// Shared by the install check and the new-user check.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = resolve(import.meta.dirname, '..');

/**
 * Packs every non-private package (or only those named in `only`), all at once; resolves to their tarball paths
 * by package name.
 */
export async function packPackages(destination, only) {
  const packs = readdirSync(join(repoRoot, 'packages')).map(async (dir) => {
    const pkgDir = join(repoRoot, 'packages', dir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (pkg.private || (only && !only.includes(pkg.name))) return [];
    const { stdout } = await promisify(execFile)(
      'npm',
      ['pack', '--pack-destination', destination, '--silent'],
      {
        cwd: pkgDir,
      },
    );
    return [[pkg.name, join(destination, stdout.trim().split('\n').at(-1))]];
  });
  return Object.fromEntries((await Promise.all(packs)).flat());
}

/** `name@version` of a package installed in this repository, to install the same version elsewhere. */
export function installedSpec(name) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
  return `${name}@${pkg.version}`;
}
