import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // aws-embedded-metrics reads its configuration at import time; Local keeps it off the EC2 metadata address.
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
    // CI machines here have 2 cores shared by several suites; no test asserts a duration.
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
