import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.tsx', 'test/**/*.test.tsx'],
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
