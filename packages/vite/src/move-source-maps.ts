import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Moves the named `.map` files out of the public `outDir` into `target`, keeping their relative paths
 * (`assets/index-abc.js.map`), which is where the error-report handler looks for them. The target is
 * emptied first, so a rebuild of the same release leaves no stale maps. Returns the relative paths moved.
 */
export async function moveSourceMaps(
  outDir: string,
  mapFiles: Iterable<string>,
  target: string,
): Promise<string[]> {
  const root = resolve(outDir);
  await rm(target, { recursive: true, force: true });
  const moved: string[] = [];
  for (const file of new Set(mapFiles)) {
    const from = resolve(root, file);
    if (!from.startsWith(root + sep) || !(await isFile(from))) continue;
    const rel = relative(root, from);
    const to = join(target, rel);
    await mkdir(dirname(to), { recursive: true });
    await moveFile(from, to);
    moved.push(rel.split(sep).join('/'));
  }
  return moved.sort();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system (a mounted outDir): copy, then remove.
    const { copyFile, unlink } = await import('node:fs/promises');
    await copyFile(from, to);
    await unlink(from);
  }
}
