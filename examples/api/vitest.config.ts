import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // aws-embedded-metrics writes EMF with console.log; the tests read it from stdout as CloudWatch would.
    disableConsoleIntercept: true,
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
  },
});
