/** A source map as its JSON text or parsed (version 3, https://tc39.es/ecma426/). */
export type SourceMapInput = string | { version: number; mappings: string; sources: (string | null)[] };

/**
 * Finds the source map of one bundle file of one release: the map (JSON text or object), or `undefined` when
 * there is none. May reject; that counts as "no map" and is logged once for that file.
 * @example
 * const resolver: SourceMapResolver = async (release, fileUrl) =>
 *   readFile(`/maps/${release}${new URL(fileUrl).pathname}.map`, 'utf8').catch(() => undefined);
 */
export type SourceMapResolver = (release: string, fileUrl: string) => Promise<SourceMapInput | undefined>;

/**
 * Where the private source maps live. `<release>` is the report's `context.release`, `<path>` the path of
 * the bundle's URL (`/assets/index-abc.js`); the map of that file is `<path>.map`, as `@usermetrics/vite`
 * lays them out.
 */
export type SourceMapsOption =
  /** A folder on disk: `<directory>/<release>/<path>.map`. */
  | { directory: string }
  /**
   * An S3 bucket: `s3://<bucket>/<prefix><release>/<path>.map`, read with `@aws-sdk/client-s3` (an optional
   * peer dependency, imported only when this option is set) on a cache miss — the one network call of the
   * handler. The client uses the Lambda's own role and region.
   */
  | {
      bucket: string;
      /** Put before `<release>/` in every key, e.g. `'sourcemaps/'`. @default '' */
      prefix?: string;
      /** Passed to `new S3Client(…)`: `region`, or `endpoint` + `forcePathStyle` for an S3-compatible store. */
      clientConfig?: Record<string, unknown>;
    }
  /** Your own lookup. */
  | SourceMapResolver;
