import { inject } from 'vitest';

/**
 * What the e2e global setup built: the app folder and the URL path of the OpenReplay chunk. Throws when the
 * file runs without that setup (e.g. picked up by the unit-test config) so the run fails with the fix in the
 * message instead of with a confusing error — or, worse, passing vacuously.
 */
export function e2eBuild(): { appDir: string; replayChunk: string } {
  const appDir = inject('e2eAppDir');
  const replayChunk = inject('e2eReplayChunk');
  if (!appDir || !replayChunk) {
    throw new Error(
      'Browser e2e tests need their global setup: run them with `npm run test:e2e` (vitest run -c vitest.e2e.config.ts). ' +
        "A unit-test config should exclude them: test.exclude: ['test/e2e/**'].",
    );
  }
  return { appDir, replayChunk };
}
