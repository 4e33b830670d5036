import { mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Moves the named `.map` files out of the public `outDir` into `target`, keeping their relative paths
 * (`assets/index-abc.js.map`), which is where the error-report handler looks for them. Each map's `sources`
 * are rewritten relative to `projectRoot` (`src/App.tsx` instead of `../../src/App.tsx`), since the map no
 * longer sits next to its bundle and that is the path a reader looks for. The target is emptied first, so a
 * rebuild of the same release leaves no stale maps. Returns the relative paths moved.
 */
export async function moveSourceMaps(
  outDir: string,
  mapFiles: Iterable<string>,
  target: string,
  projectRoot: string,
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
    await writeFile(to, rewriteSources(await readFile(from, 'utf8'), dirname(from), projectRoot));
    await unlink(from);
    moved.push(rel.split(sep).join('/'));
  }
  return moved.sort();
}

function rewriteSources(text: string, mapDir: string, projectRoot: string): string {
  let map: { sources?: unknown; sourceRoot?: unknown };
  try {
    map = JSON.parse(text);
  } catch {
    return text; // Not ours to fix; the handler reports a corrupt map once.
  }
  if (!Array.isArray(map.sources)) return text;
  const base = resolve(mapDir, typeof map.sourceRoot === 'string' ? map.sourceRoot : '');
  map.sources = map.sources.map((source: unknown) =>
    // Leave URLs and virtual modules (`\0…`, `vite/…` without a path) as the bundler wrote them.
    typeof source !== 'string' || /^[a-z][\w+.-]*:/i.test(source) || source.startsWith('\0')
      ? source
      : relative(projectRoot, resolve(base, source)).split(sep).join('/'),
  );
  delete map.sourceRoot;
  return JSON.stringify(map);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
