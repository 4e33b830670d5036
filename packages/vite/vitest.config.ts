import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real Vite builds and a real Chromium on 2 shared cores; no test asserts a duration.
    testTimeout: 60_000,
    // The CLI reads credentials from the environment like the AWS CLI; these fake ones only ever reach the
    // local S3 stand-in, and IMDS is never probed.
    env: {
      AWS_ACCESS_KEY_ID: 'AKIDSTANDIN',
      AWS_SECRET_ACCESS_KEY: 'stand-in-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*', 'src/cli.ts'],
      thresholds: { lines: 80 },
    },
  },
});
