import type { WebVitalMetric } from '@usermetrics/core';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2EPageConfig } from '../app/main';
import type { TestServer } from './test-server';

/** Shared steps of the tracker scenarios, so each test file reads as the behaviour it proves. */

export const UMAMI_WEBSITE_ID = '3f0e5a4c-1b2d-4c6e-8f90-a1b2c3d4e5f6';
/** Unmasked paragraph text on the page: the positive control of every "never appears" check on replay data. */
export const MARKER_TEXT = 'Plainly visible marker text quokka lighthouse tangerine';
/** An e-mail address printed in a paragraph (obscureTextEmails must hide it). */
export const TEXT_EMAIL = 'jane.roe@example.org';

/** Tracker settings with every feature on, pointed at the local stand-ins. */
export function fullConfig(
  server: TestServer,
  overrides: Partial<E2EPageConfig['tracker']> = {},
): E2EPageConfig {
  return {
    tracker: {
      endpoint: server.apiOrigin,
      environment: 'e2e',
      release: '0.0.0-e2e',
      routes: ['/', '/second'],
      umami: { websiteId: UMAMI_WEBSITE_ID, hostUrl: server.apiOrigin },
      replay: { projectKey: 'e2e-project', ingestPoint: server.apiOrigin, __DISABLE_SECURE_MODE: true },
      transport: { flushIntervalMs: 1000 },
      ...overrides,
    },
  };
}

/** Sets the page config before any page script runs, in every page of the context. */
export async function useConfig(context: BrowserContext, config: E2EPageConfig): Promise<void> {
  await context.addInitScript((cfg) => {
    (window as unknown as { __E2E_CONFIG__: unknown }).__E2E_CONFIG__ = cfg;
  }, config);
}

/** Opens the page, waits for its load event; returns the page, the load time (epoch ms) and the session id. */
export async function openTrackedPage(context: BrowserContext, server: TestServer, path = '/') {
  const page = await context.newPage();
  await page.goto(`${server.appOrigin}${path}`, { waitUntil: 'load' });
  const handle = await page.waitForFunction(() => window.__e2e?.loadAt);
  const loadAt = (await handle.jsonValue()) as number;
  const sessionId = await page.evaluate(() => window.__e2e?.tracker.getSessionId() ?? '');
  return { page, loadAt, sessionId };
}

/** Waits until the late banner has shifted the layout (CLS needs a shift without recent input). */
export async function waitForLayoutShift(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByType('layout-shift').length > 0 ||
      document.getElementById('banner')?.classList.contains('open'),
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Moves the pointer from the content to the empty bottom of the viewport, as a visitor heading for the tab
 * bar does. OpenReplay flushes its pending batch on the body's mouseleave, while the page is still alive —
 * unlike the flush on pagehide, which can be lost when the page's worker dies first.
 */
export async function movePointerOutOfPage(page: Page): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.move(40, 40);
  await page.mouse.move(viewport.width / 2, viewport.height - 2, { steps: 5 });
}

/** Leaves the page the way a visitor does (pagehide + visibilitychange→hidden fire), returns when (epoch ms). */
export async function leavePage(page: Page): Promise<number> {
  const leftAt = Date.now();
  await page.goto('about:blank');
  return leftAt;
}

/** Every web-vitals item the ingestion stand-in accepted, with when it arrived. */
export function receivedMetrics(
  server: TestServer,
): { at: number; sessionId: string; metric: WebVitalMetric }[] {
  return server.webVitals.flatMap((r) =>
    r.validation.accepted.map((a) => ({ at: r.at, sessionId: r.validation.sessionId, metric: a.metric })),
  );
}

export function receivedMetricNames(server: TestServer): string[] {
  return [...new Set(receivedMetrics(server).map((m) => m.metric.name))].sort();
}

/** Requests that went to Umami or OpenReplay (stand-ins) or fetched the OpenReplay chunk. */
export function thirdPartyRequests(server: TestServer, replayChunk: string) {
  return server.requests.filter(
    (r) =>
      r.path === '/api/send' ||
      r.path.startsWith('/v1/web/') ||
      (r.origin === 'app' && r.path === replayChunk),
  );
}
