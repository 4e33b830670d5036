import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import {
  fullConfig,
  leavePage,
  openTrackedPage,
  receivedMetricNames,
  receivedMetrics,
  UMAMI_WEBSITE_ID,
  useConfig,
  waitForLayoutShift,
} from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// One visit with every feature on: load `/`, a layout shift, a slow click, an uncaught error, an unhandled
// rejection, a pushState navigation to `/second`, then the visitor leaves. Each test checks one outcome.
describe('a tracked visit in Chromium', () => {
  const { appDir, replayChunk } = e2eBuild();
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;
  let loadAt = 0;
  let leftAt = 0;
  let sessionId = '';
  let chunkTiming: { chunkStart: number; loadEventStart: number } | undefined;

  beforeAll(async () => {
    server = await startTestServer({ appDir });
    browser = await launchChromium();
    context = await newVisitorContext(browser);
    await useConfig(context, fullConfig(server));
    const opened = await openTrackedPage(context, server);
    const { page } = opened;
    loadAt = opened.loadAt;
    sessionId = opened.sessionId;

    await waitForLayoutShift(page);
    await page.click('#work');
    await page.click('#throw');
    await page.click('#reject');
    await server.waitFor('two error reports', () => server.errorReports.length >= 2);
    await page.click('#go-second');
    await server.waitFor('two Umami page views', () => server.umami.length >= 2);
    await server.waitFor('the replay session start', () => server.replayStarts.length > 0);
    chunkTiming = await page.evaluate((chunk) => {
      const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === chunk);
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return entry && nav ? { chunkStart: entry.startTime, loadEventStart: nav.loadEventStart } : undefined;
    }, replayChunk);

    leftAt = await leavePage(page);
    await server.waitFor('all five web vitals', () => receivedMetricNames(server).length === 5);
    await server.settle();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('gets a session id from the tracker', () => {
    expect(sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends LCP, INP, CLS, FCP and TTFB, all valid, with the session id', () => {
    const metrics = receivedMetrics(server);
    expect(receivedMetricNames(server)).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    expect(server.webVitals.flatMap((r) => r.validation.rejected)).toEqual([]);
    expect(server.rejections).toEqual([]);
    expect(new Set(metrics.map((m) => m.sessionId))).toEqual(new Set([sessionId]));
    for (const { metric } of metrics) expect(['/', '/second']).toContain(metric.route);
  });

  it('reports the final CLS and INP when the visitor leaves the page', () => {
    const metrics = receivedMetrics(server);
    const cls = metrics.filter((m) => m.metric.name === 'CLS');
    const inp = metrics.filter((m) => m.metric.name === 'INP');
    // The banner shift and the 80 ms busy click are real; values near zero would mean the wrong entries.
    expect(Math.max(...cls.map((m) => m.metric.value))).toBeGreaterThan(0);
    expect(Math.max(...inp.map((m) => m.metric.value))).toBeGreaterThanOrEqual(40);
    expect(cls.some((m) => m.at >= leftAt)).toBe(true);
    expect(inp.some((m) => m.at >= leftAt)).toBe(true);
  });

  it('reports the uncaught error and the unhandled rejection once each, with the same session id', () => {
    const reports = server.errorReports.map((r) => r.body);
    const thrown = reports.filter((r) => r.error.message.includes('e2e uncaught error'));
    const rejected = reports.filter((r) => r.error.message.includes('e2e unhandled rejection'));
    expect(thrown).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(thrown[0]?.error.type).toBe('TypeError');
    expect(rejected[0]?.error.type).toBe('RangeError');
    expect(thrown[0]?.context?.sessionId).toBe(sessionId);
    expect(rejected[0]?.context?.sessionId).toBe(sessionId);
    expect(server.errorReports).toHaveLength(2);
  });

  it('sends Umami a valid page view for the first route and one for the client-side route change', () => {
    expect(server.rejections.filter((r) => r.path === '/api/send')).toEqual([]);
    const views = server.umami.map((u) => u.body.payload).filter((p) => p.name === undefined);
    expect(views.map((v) => v.url)).toEqual([`${server.appOrigin}/`, `${server.appOrigin}/second`]);
    for (const view of views) {
      expect(view.website).toBe(UMAMI_WEBSITE_ID);
      expect(view.hostname).toBe('127.0.0.1');
      expect(view.data?.sessionId).toBe(sessionId);
    }
  });

  it('requests the OpenReplay chunk only after the load event', () => {
    const html = readFileSync(join(appDir, 'index.html'), 'utf8');
    expect(html).not.toContain(replayChunk.slice(1)); // not preloaded by the HTML
    const chunkRequests = server.requests.filter((r) => r.origin === 'app' && r.path === replayChunk);
    expect(chunkRequests).toHaveLength(1);
    expect(chunkRequests[0]?.at).toBeGreaterThanOrEqual(Math.floor(loadAt));
    expect(chunkTiming).toBeDefined();
    expect(chunkTiming?.chunkStart).toBeGreaterThanOrEqual(
      chunkTiming?.loadEventStart ?? Number.POSITIVE_INFINITY,
    );
    expect(server.replayStarts[0]?.at).toBeGreaterThan(chunkRequests[0]?.at ?? Number.POSITIVE_INFINITY);
  });
});
