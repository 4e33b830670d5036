import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import {
  fullConfig,
  leavePage,
  openTrackedPage,
  receivedMetricNames,
  thirdPartyRequests,
  useConfig,
} from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// Global Privacy Control (and Do Not Track) turn analytics and replay off (DESIGN §7). The same visit runs
// first without the signal (positive control: Umami and OpenReplay requests do happen, and how long replay
// takes to start sets the observation window), then with it.
type Visit = { server: TestServer; replayStartedAfterMs?: number };

async function visit(browser: Browser, signal: 'none' | 'gpc' | 'dnt', observeMs: number): Promise<Visit> {
  const server = await startTestServer({ appDir: e2eBuild().appDir });
  const context: BrowserContext = await newVisitorContext(browser);
  try {
    if (signal === 'gpc') {
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
          get: () => true,
          configurable: true,
        });
      });
    }
    if (signal === 'dnt') {
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true });
      });
    }
    await useConfig(context, fullConfig(server));
    const { page, loadAt } = await openTrackedPage(context, server);
    await page.click('#work');
    await page.click('#go-second');
    let replayStartedAfterMs: number | undefined;
    if (signal === 'none') {
      const start = await server.waitFor('the replay start (control visit)', () =>
        server.requests.find((r) => r.path === '/v1/web/start' && r.method === 'POST'),
      );
      replayStartedAfterMs = start.at - loadAt;
      await server.waitFor('a route-change page view (control visit)', () => server.umami.length >= 2);
    } else {
      // Nothing to wait for when the tracker behaves: watch for longer than replay took to start without it.
      await page.waitForTimeout(observeMs);
    }
    await leavePage(page);
    await server.waitFor('web vitals', () => receivedMetricNames(server).length > 0);
    await server.settle();
    return { server, replayStartedAfterMs };
  } finally {
    await context.close();
    await server.close();
  }
}

describe('privacy signals in Chromium', () => {
  const { replayChunk } = e2eBuild();
  let browser: Browser;
  let control: Visit;

  beforeAll(async () => {
    browser = await launchChromium();
    control = await visit(browser, 'none', 0);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('without a signal, the same page calls Umami and OpenReplay (control)', () => {
    const paths = thirdPartyRequests(control.server, replayChunk).map((r) => r.path);
    expect(paths).toContain('/api/send');
    expect(paths).toContain('/v1/web/start');
    expect(paths).toContain(replayChunk);
  });

  it.each(['gpc', 'dnt'] as const)(
    'with %s on, makes no Umami or OpenReplay request at all',
    async (signal) => {
      const observeMs = Math.max(3000, 2 * (control.replayStartedAfterMs ?? 0));
      const { server } = await visit(browser, signal, observeMs);
      expect(thirdPartyRequests(server, replayChunk).map((r) => `${r.method} ${r.path}`)).toEqual([]);
      // The tracker did run on that page: performance data (not covered by the signal) still arrived.
      expect(receivedMetricNames(server).length).toBeGreaterThan(0);
    },
  );
});
