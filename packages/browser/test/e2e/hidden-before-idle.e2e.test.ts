import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import { fullConfig, leavePage, openTrackedPage, UMAMI_WEBSITE_ID, useConfig } from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// Calls made before the runtime loads wait in the loader's queue; the runtime loads when the browser is idle
// after load. Here the page never gets idle time (requestIdleCallback never calls back), then it is hidden
// and stays alive (a tab switch): the built tracker must load its runtime and send what was queued (#14).
// Headless Chromium does not hide a background tab, so the hide is the page's own `visibilitychange` with
// `document.visibilityState` reading 'hidden'; the import, transport and requests are the real ones.
// Leaving the page (a navigation) ends the document before a dynamic import started by the pagehide has run
// (seen here: the chunk is requested, its code never runs). An error therefore fetches the chunk at once: if
// it has arrived when the visitor leaves, pagehide starts it and the report goes out with keepalive. Calls
// that are not errors, left before the chunk arrives, stay best-effort.
async function visit(
  browser: Browser,
  hide: boolean,
): Promise<{ server: TestServer; context: BrowserContext }> {
  const server = await startTestServer({ appDir: e2eBuild().appDir });
  const context = await newVisitorContext(browser);
  await context.addInitScript(() => {
    window.requestIdleCallback = () => 0; // never idle: nothing loads the runtime unless a hide does
  });
  await useConfig(context, fullConfig(server, { replay: undefined }));
  const { page } = await openTrackedPage(context, server);
  await page.evaluate(() => {
    void window.__e2e?.tracker.trackError(new Error('queued before idle'));
    window.__e2e?.tracker.trackEvent('queued-event');
  });
  if (hide) {
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
  }
  return { server, context };
}

describe('calls queued before the runtime loads, then the page is hidden (real Chromium)', () => {
  let browser: Browser;
  const opened: { server: TestServer; context: BrowserContext }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { context, server } of opened) {
      await context.close();
      await server.close();
    }
    await browser?.close();
  });

  it('sends the queued error report and the Umami event once the page is hidden', async () => {
    const v = await visit(browser, true);
    opened.push(v);
    await v.server.waitFor('the queued error report', () => v.server.errorReports.length >= 1);
    await v.server.waitFor('the queued Umami event', () =>
      v.server.umami.some((u) => u.body.payload.name === 'queued-event'),
    );
    expect(v.server.errorReports.map((r) => r.body.error.message)).toEqual(['queued before idle']);
    expect(v.server.umami.every((u) => u.body.payload.website === UMAMI_WEBSITE_ID)).toBe(true);
  });

  it('an error, then leaving the page: the chunk fetched for the error sends the report on pagehide', async () => {
    const v = await visit(browser, false);
    opened.push(v);
    const page = v.context.pages()[0];
    if (!page) throw new Error('no page');
    // the error fetched the runtime chunk (never idle: nothing of it has started)
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('start-runtime')),
    );
    await new Promise((r) => setTimeout(r, 200)); // the module evaluates after its response
    expect(v.server.errorReports).toEqual([]);
    await leavePage(page);
    await v.server.waitFor('the error report sent on pagehide', () => v.server.errorReports.length >= 1);
    expect(v.server.errorReports.map((r) => r.body.error.message)).toEqual(['queued before idle']);
  });

  it('positive control: without the hide (and without idle time) nothing is sent', async () => {
    const v = await visit(browser, false);
    opened.push(v);
    await new Promise((r) => setTimeout(r, 1500));
    expect(v.server.errorReports).toEqual([]);
    expect(v.server.umami).toEqual([]);
  });
});
