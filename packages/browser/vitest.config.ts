import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real-Chromium tests have their own config (vitest.e2e.config.ts, `npm run test:e2e`) and global setup.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
