/** Where `usermetrics()` uploads the release's source maps. */
export interface SourceMapUploadOptions {
  /** The private bucket the error-report handler reads (its `sourceMaps: { bucket, prefix }`). */
  bucket: string;
  /**
   * Put before `<release>/` in every key, e.g. `'sourcemaps/'`. Must match the handler's `prefix`.
   * @default ''
   */
  prefix?: string;
  /**
   * Passed to `new S3Client(…)`: `region`, `credentials`, or `endpoint` + `forcePathStyle` for an
   * S3-compatible store. Credentials and region otherwise come from the usual AWS environment.
   * @default {}
   */
  clientConfig?: Record<string, unknown>;
}

/** Options of {@link usermetrics}. */
export interface UsermetricsViteOptions {
  /**
   * The release the build is tagged with: given to the app as `import.meta.env.VITE_USERMETRICS_RELEASE`
   * and naming the source-map folder and S3 prefix. Letters, digits and `. _ - + @`, at most 100 characters.
   * @default process.env.USERMETRICS_RELEASE, else the git commit (`git rev-parse HEAD`), else the `version` of the project's package.json
   */
  release?: string;
  /**
   * Where the hidden source maps are moved, one folder per release: `<sourcemapsDir>/<release>/assets/…js.map`.
   * Relative paths are resolved from Vite's `root`. Keep it outside anything you serve.
   * @default '<outDir>/../.usermetrics/sourcemaps'
   */
  sourcemapsDir?: string;
  /**
   * Upload the release's maps to S3 after the build (needs `@aws-sdk/client-s3` installed). A failed upload
   * fails the build. `false` or absent: maps stay on disk only.
   * @default undefined
   */
  upload?: SourceMapUploadOptions | false;
}
