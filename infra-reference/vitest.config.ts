import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.sst/**', '.synth/**'],
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
  },
});
