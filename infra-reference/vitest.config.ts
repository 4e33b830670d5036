import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.sst/**', '.synth/**'],
    env: { AWS_EMF_ENVIRONMENT: 'Local' },
    // One synth of dev and prod per session, shared by the synth tests (test/synth-setup.ts).
    globalSetup: ['test/synth-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
