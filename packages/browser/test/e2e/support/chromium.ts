import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
}

/**
 * A context whose user agent reads like a desktop Chrome instead of HeadlessChrome, as real visitors' do:
 * third-party tools treat headless agents as bots, and the tests are about what real visitors send.
 */
export async function newVisitorContext(browser: Browser): Promise<BrowserContext> {
  const version = browser.version();
  return browser.newContext({
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
}
