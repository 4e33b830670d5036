import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import { wirePage } from './page';

/**
 * The same page on the raw libraries (web-vitals, @openreplay/tracker) without @usermetrics/browser: the
 * harness self-check proves the stand-ins and the batch decoder work on what those libraries really send.
 */
declare global {
  interface Window {
    __RAW_CONFIG__?: { ingestPoint: string; beaconUrl: string; openReplay?: Record<string, unknown> };
    __raw?: { vitals: { name: string; value: number }[]; loadAt?: number; replayStarted?: boolean };
  }
}

const config = window.__RAW_CONFIG__;
const state: NonNullable<Window['__raw']> = { vitals: [] };
window.__raw = state;

for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) {
  on((metric) => {
    state.vitals.push({ name: metric.name, value: metric.value });
    if (config)
      navigator.sendBeacon(config.beaconUrl, JSON.stringify({ name: metric.name, value: metric.value }));
  });
}

wirePage({
  onLoad: (loadAt) => {
    state.loadAt = loadAt;
    if (!config) return;
    setTimeout(async () => {
      const { default: OpenReplay } = await import('@openreplay/tracker');
      const replay = new OpenReplay({
        projectKey: 'e2e-project',
        ingestPoint: config.ingestPoint,
        __DISABLE_SECURE_MODE: true,
        obscureTextEmails: true,
        obscureInputEmails: true,
        obscureTextNumbers: true,
        respectDoNotTrack: true,
        ...config.openReplay,
      });
      const started = await replay.start();
      state.replayStarted = started.success;
    }, 0);
  },
});
