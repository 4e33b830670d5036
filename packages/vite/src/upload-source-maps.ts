import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceMapUploadOptions } from './types';

/** What {@link uploadSourceMaps} did. */
export interface UploadResult {
  /** The S3 keys written. */
  keys: string[];
}

/** The few S3 client calls the upload makes; tests may inject a fake. */
export interface S3Uploader {
  /** Writes one map (JSON text) under `key` of the bucket; rejects when S3 refuses. */
  put(key: string, body: string): Promise<void>;
}

const CONCURRENCY = 4;

/**
 * Uploads every `.map` file under `directory` to `s3://<bucket>/<prefix><release>/<relative path>`, the
 * layout the error-report handler reads. Rejects with a message naming the bucket and the first key that
 * failed; no map is skipped silently.
 * @example await uploadSourceMaps('.usermetrics/sourcemaps/1.2.3', '1.2.3', { bucket: 'my-maps' })
 */
export async function uploadSourceMaps(
  directory: string,
  release: string,
  options: SourceMapUploadOptions,
  uploader?: S3Uploader,
): Promise<UploadResult> {
  const files = await listMaps(directory);
  const prefix = options.prefix ?? '';
  const s3 = uploader ?? (await createS3Uploader(options));
  const keys = files.map((file) => `${prefix}${release}/${relative(directory, file).split(sep).join('/')}`);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const key = keys[i] as string;
      try {
        await s3.put(key, await readFile(files[i] as string, 'utf8'));
      } catch (error) {
        throw new Error(
          `[usermetrics] Uploading source maps to s3://${options.bucket}/${prefix}${release}/ failed at ${key}: ${reasonOf(error)}`,
          { cause: error },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return { keys };
}

async function listMaps(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.map'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

async function createS3Uploader(options: SourceMapUploadOptions): Promise<S3Uploader> {
  let sdk: typeof import('@aws-sdk/client-s3');
  try {
    sdk = await import('@aws-sdk/client-s3');
  } catch {
    throw new Error(
      '[usermetrics] Uploading source maps needs @aws-sdk/client-s3: npm install --save-dev @aws-sdk/client-s3',
    );
  }
  const client = new sdk.S3Client({ ...options.clientConfig });
  return {
    async put(key, body) {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: body,
          ContentType: 'application/json',
        }),
      );
    },
  };
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return `${error.name}${status ? ` (HTTP ${status})` : ''}: ${error.message}`;
}
