import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The e2e test drives a real Chromium; the rest are fast. Keep the whole run well under 4 minutes.
    testTimeout: 20_000,
    // Handlers log with console.log; the collector must see that go through process.stdout as on Lambda.
    disableConsoleIntercept: true,
    hookTimeout: 60_000,
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      // bin.ts only parses argv and calls startCollector; it is exercised by the port-in-use test in a child
      // process, which v8 coverage of this process cannot see.
      exclude: ['src/**/*.test.*', 'src/bin.ts'],
      thresholds: { lines: 80 },
    },
  },
});
