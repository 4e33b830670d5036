import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { RELEASE_PATTERN } from '@usermetrics/core';
import type { SourceMapInput, SourceMapsOption } from './types';

/** Loads the map of one bundle file: the map, `undefined` when there is none; rejects on a real failure. */
export type MapLoader = (release: string, fileUrl: string) => Promise<SourceMapInput | undefined>;

// A site served under a base path (`/app/assets/x.js`) has its maps stored from `assets/`: try the path, then
// without its first segments. Hashed file names keep a shorter suffix from matching another file.
const MAX_CANDIDATES = 3;

/**
 * The relative map paths to try for a bundle URL, longest first: `assets/index-abc.js.map`. Only http(s)
 * URLs with a plain path qualify (no extension or `blob:` scripts). Also refuses `..` segments.
 */
export function mapPathsFor(release: string, fileUrl: string): string[] {
  if (!RELEASE_PATTERN.test(release) || release.includes('..')) return [];
  let url: URL;
  try {
    url = new URL(fileUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
  if (segments.length === 0 || segments.some((s) => s === '..' || s === '.' || /[\\/\0]/.test(s))) return [];
  const out: string[] = [];
  for (let i = 0; i < segments.length && out.length < MAX_CANDIDATES; i++) {
    out.push(`${segments.slice(i).join('/')}.map`);
  }
  return out;
}

/** The loader for a `sourceMaps` option. */
export function createMapLoader(option: SourceMapsOption): MapLoader {
  if (typeof option === 'function') return option;
  if ('directory' in option) return directoryLoader(option.directory);
  return s3Loader(option.bucket, option.prefix ?? '', option.clientConfig);
}

function directoryLoader(directory: string): MapLoader {
  const root = resolve(directory);
  return async (release, fileUrl) => {
    for (const candidate of mapPathsFor(release, fileUrl)) {
      const file = join(root, release, candidate);
      if (!file.startsWith(root + sep)) continue;
      try {
        return await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return undefined;
  };
}

interface S3Like {
  send(command: unknown): Promise<{ Body?: { transformToString(): Promise<string> } }>;
}

function s3Loader(bucket: string, prefix: string, clientConfig: object | undefined): MapLoader {
  let ready: Promise<{ client: S3Like; get: (key: string) => unknown }> | undefined;
  const connect = async () => {
    // Imported only when a bucket is configured: the Lambda Node.js runtimes ship AWS SDK v3, and nobody
    // else pays for it. A failed import is retried on the next miss.
    const sdk = await import('@aws-sdk/client-s3');
    const client = new sdk.S3Client({ ...clientConfig }) as unknown as S3Like;
    return { client, get: (Key: string) => new sdk.GetObjectCommand({ Bucket: bucket, Key }) };
  };
  return async (release, fileUrl) => {
    ready ??= connect().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    const { client, get } = await ready;
    for (const candidate of mapPathsFor(release, fileUrl)) {
      try {
        const res = await client.send(get(`${prefix}${release}/${candidate}`));
        if (res.Body) return await res.Body.transformToString();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return undefined;
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
