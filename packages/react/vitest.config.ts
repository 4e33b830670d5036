import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // No @vitejs/plugin-react: Vite's built-in transform compiles TSX with the automatic runtime, following
  // tsconfig's `jsx: react-jsx`.
  resolve: {
    // The router entry imports the main one by package name; tests use the sources, not dist.
    alias: [
      {
        find: /^@usermetrics\/react$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    environment: 'happy-dom',
    // test/react-version.test.ts checks it; vitest.react18.config.ts sets 18.
    env: { USERMETRICS_REACT_MAJOR: '19' },
    // The first import of React + react-dom + happy-dom can take seconds on a busy 2-core machine.
    testTimeout: 20_000,
    environmentOptions: { happyDOM: { url: 'https://app.example.com/' } },
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.*'],
      thresholds: { lines: 80 },
    },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
