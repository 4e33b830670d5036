import type { TrackerConfig } from '@usermetrics/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import { UMAMI_WEBSITE_ID } from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// Issue #17 as a new user met it: a React app with a react-router data router, `useRouterPageViews()` and an
// `<ErrorBoundary>`, talking to an ingestion API on another origin — first one that does not allow the app's
// origin (the CORS mistake), then one that does.

function reactConfig(server: TestServer): TrackerConfig {
  return {
    endpoint: server.apiOrigin,
    environment: 'e2e',
    routes: ['/', '/users/:id'],
    umami: { websiteId: UMAMI_WEBSITE_ID, hostUrl: server.apiOrigin },
    transport: { flushIntervalMs: 1000 },
    debug: true,
  };
}

async function openReactApp(context: BrowserContext, server: TestServer, path: string) {
  await context.addInitScript((cfg) => {
    (window as unknown as { __E2E_REACT_CONFIG__: unknown }).__E2E_REACT_CONFIG__ = cfg;
  }, reactConfig(server));
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${server.appOrigin}${path}`, { waitUntil: 'load' });
  await page.waitForSelector('#page');
  return { page, console };
}

/** Breaks the page inside the error boundary and returns the errorId its fallback shows ('' for none). */
async function breakPage(page: Page): Promise<void> {
  await page.click('#boom');
  await page.waitForSelector('#fallback');
}

const stats = (page: Page) => page.evaluate(() => window.__e2eReact?.tracker.getStats());

describe('an app on an origin the ingestion API does not allow (Chromium)', () => {
  const { appDir } = e2eBuild();
  let browser: Browser;
  let server: TestServer;
  let consoleLines: string[] = [];
  let fallbackErrorId: string | null = null;
  let dropped: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({ appDir, spaShell: 'react.html', allowAppOrigin: false });
    browser = await launchChromium();
    const context = await newVisitorContext(browser);
    const { page, console } = await openReactApp(context, server, '/users/7');
    consoleLines = console;
    await breakPage(page);
    // Until the error report is given up on: blocked now, 'rejected' after four attempts before #17 was fixed.
    await page.waitForFunction(
      () => {
        const d = window.__e2eReact?.tracker.getStats().dropped;
        return d && (d.blocked ?? 0) + d.rejected > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    // Time for the vitals batch and anything else queued, then the page hide flush.
    await page.waitForTimeout(2_500);
    fallbackErrorId = await page.getAttribute('#fallback', 'data-error-id');
    dropped = (await stats(page))?.dropped ?? {};
    await page.goto('about:blank');
    await server.settle();
    await context.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends each batch at most twice: no retry storm', () => {
    // Umami shares the API's origin here, so whichever of the page view (preflighted JSON: only its OPTIONS
    // reaches the server), the error report or the vitals batch goes first gets the origin blocked after two
    // tries, and the others are then dropped without a request. So the positive control counts every request of
    // the tracker the refusing server saw, whatever went first.
    const seen = server.refused.filter((r) =>
      ['/errors/report', '/metrics/web-vitals', '/api/send'].includes(r.path),
    );
    expect(seen.length).toBeGreaterThan(0);
    // Each attempt is one request per body (POST) or one preflight per attempt (OPTIONS): at most two of each.
    const perAttempt = new Map<string, number>();
    for (const r of seen) {
      const key = `${r.method} ${r.path} ${r.body}`;
      perAttempt.set(key, (perAttempt.get(key) ?? 0) + 1);
    }
    const posts = seen.filter((r) => r.method === 'POST' && r.path !== '/api/send');
    expect(
      Math.max(...[...perAttempt.entries()].filter(([k]) => k.startsWith('POST')).map(([, n]) => n), 0),
    ).toBeLessThanOrEqual(2);
    // A retry resends the same body; the batchId makes that explicit (and lets a handler count it once).
    for (const post of posts) {
      expect((JSON.parse(post.body) as { batchId?: string }).batchId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // No retry storm on preflights either: two attempts per request the page made, at most.
    const preflights = seen.filter((r) => r.method === 'OPTIONS').length;
    expect(preflights).toBeLessThanOrEqual(4);
  });

  it('has nothing counted or stored by the API', () => {
    expect(server.errorReports).toEqual([]);
    expect(server.webVitals).toEqual([]);
    expect(server.umami).toEqual([]);
  });

  it('counts the refused items as blocked and gives the fallback no errorId', () => {
    expect(dropped.blocked).toBeGreaterThan(0);
    expect(fallbackErrorId).toBe('');
  });

  it('says "blocked by CORS? check allowedOrigins" once with debug on', () => {
    expect(
      consoleLines.filter((line) => line.includes('blocked by CORS? check allowedOrigins')),
    ).toHaveLength(1);
  });
});

describe('an app on an allowed origin with a react-router data router (Chromium)', () => {
  const { appDir } = e2eBuild();
  let browser: Browser;
  let server: TestServer;
  let fallbackErrorId: string | null = null;
  const views = () =>
    server.umami
      .filter((u) => u.body.payload.name === undefined)
      .map((u) => [new URL(u.body.payload.url).pathname, u.body.payload.data?.route]);

  beforeAll(async () => {
    server = await startTestServer({ appDir, spaShell: 'react.html' });
    browser = await launchChromium();
    const context = await newVisitorContext(browser);
    const { page } = await openReactApp(context, server, '/');
    const viewCount = (n: number) => server.waitFor(`${n} page views`, () => views().length >= n);
    await viewCount(1);
    await page.click('#user-7');
    await viewCount(2);
    await page.click('#home');
    await viewCount(3);
    await page.goBack();
    await viewCount(4);
    await page.goForward();
    await viewCount(5);
    await page.goto(`${server.appOrigin}/users/8`, { waitUntil: 'load' });
    await viewCount(6);
    await breakPage(page);
    await page.waitForFunction(() => document.querySelector('#fallback')?.getAttribute('data-error-id'));
    fallbackErrorId = await page.getAttribute('#fallback', 'data-error-id');
    await page.goto('about:blank');
    await server.settle();
    await context.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts the matched route pattern on every page view: load, <Link>, back, forward, hard load', () => {
    expect(views()).toEqual([
      ['/', '/'],
      ['/users/7', '/users/:id'],
      ['/', '/'],
      ['/users/7', '/users/:id'],
      ['/', '/'],
      ['/users/8', '/users/:id'],
    ]);
  });

  it('counts the error once and hands its errorId to the boundary fallback', () => {
    const reports = server.errorReports.filter((r) => r.body.error.message.includes('e2e render error'));
    expect(reports).toHaveLength(1);
    expect(fallbackErrorId).toBe(reports[0]?.errorId);
    expect(server.rejections).toEqual([]);
    expect(server.refused).toEqual([]);
  });
});
