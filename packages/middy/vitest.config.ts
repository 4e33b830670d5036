import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // aws-embedded-metrics reads its configuration at import time; Local keeps it off the EC2 metadata address.
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
