import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import { containsUtf8, MESSAGE_SET_INPUT_VALUE, readInputValue } from './support/openreplay-batch';
import { movePointerOutOfPage } from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// Self-check of the harness on the raw libraries (web-vitals and @openreplay/tracker, no @usermetrics code):
// if the stand-ins or the batch decoder were wrong, the tracker tests' "never appears" checks would prove
// nothing. Here the probe must find what the raw tracker does send, compressed and not.
const MARKER = 'Plainly visible marker text quokka lighthouse tangerine';
const TYPED = 'probe.user@example.com';

describe('e2e harness on the raw libraries', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ appDir: e2eBuild().appDir });
    browser = await launchChromium();
    context = await newVisitorContext(browser);
    await context.addInitScript(
      (cfg) => {
        (window as unknown as { __RAW_CONFIG__: unknown }).__RAW_CONFIG__ = cfg;
      },
      {
        ingestPoint: server.apiOrigin,
        beaconUrl: `${server.apiOrigin}/raw/beacon`,
        // Inputs recorded in clear on purpose: the probe must be able to see a typed value when one leaks.
        openReplay: { defaultInputMode: 0, obscureInputEmails: false },
      },
    );
    const page = await context.newPage();
    await page.goto(`${server.appOrigin}/raw.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__raw?.replayStarted === true, undefined, { timeout: 15_000 });
    await page.click('#work');
    await page.fill('#email', TYPED);
    await page.click('#go-second');
    await server.waitFor('the initial visual batch', () => server.replayBatches.length > 0);
    await movePointerOutOfPage(page);
    await server.waitFor('the typed input (flushed on mouseleave)', () =>
      server.replayBatches.some((b) =>
        b.messages.some((m) => m.type === MESSAGE_SET_INPUT_VALUE && readInputValue(m).value === TYPED),
      ),
    );
    await page.goto('about:blank');
    await server.waitFor(
      'five web vitals',
      () => new Set(server.rawBeacons.map((b) => JSON.parse(b.body).name)).size === 5,
    );
    await server.settle();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sees all five web vitals from web-vitals on this page', () => {
    const names = new Set(server.rawBeacons.map((b) => JSON.parse(b.body).name));
    expect([...names].sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
  });

  it('decodes gzipped and plain OpenReplay batches and finds the page text in them', () => {
    expect(server.rejections).toEqual([]);
    expect(server.replayBatches.some((b) => b.compressed)).toBe(true);
    expect(server.replayBatches.some((b) => !b.compressed)).toBe(true);
    expect(server.replayBatches.some((b) => containsUtf8(b.bytes, MARKER))).toBe(true);
  });

  it('sees a typed value in the decoded batches when the recorder is told not to mask it', () => {
    const values = server.replayBatches.flatMap((b) =>
      b.messages.filter((m) => m.type === MESSAGE_SET_INPUT_VALUE).map(readInputValue),
    );
    expect(values.some((v) => v.value === TYPED && v.mask === 0)).toBe(true);
    expect(server.replayBatches.some((b) => containsUtf8(b.bytes, TYPED))).toBe(true);
  });
});
