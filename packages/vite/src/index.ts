/**
 * @usermetrics/vite — the Vite plugin of usermetrics: release and environment for the tracker at build
 * time, private source maps for the error-report handler, and their upload to S3.
 * @packageDocumentation
 */
export type { SourceMapUploadOptions, UsermetricsViteOptions } from './types';
export type { S3Uploader, UploadResult } from './upload-source-maps';
export { uploadSourceMaps } from './upload-source-maps';
export { ENV_KEYS, usermetrics } from './usermetrics';
