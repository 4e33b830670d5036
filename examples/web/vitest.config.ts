import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      // The pages are exercised in real Chromium by the collector's end-to-end test; the unit tests cover
      // the configuration and route logic the pages rely on.
      include: ['src/tracking-config.ts', 'src/routes.ts'],
      thresholds: { lines: 80 },
    },
  },
});
