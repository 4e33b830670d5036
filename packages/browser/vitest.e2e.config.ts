import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built package in a Vite-built page, driven in real Chromium (playwright-core)
// against local stand-ins of the ingestion API, Umami and OpenReplay. No coverage: the code under test runs in
// the browser, not in this process.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one Chromium at a time keeps timings (INP, load order) meaningful.
    fileParallelism: false,
  },
});
