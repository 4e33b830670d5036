import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else the Debian package's binary. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Throws a message that says how to fix it; the e2e run must fail, never skip, without a browser. */
export function assertChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser end-to-end tests need it: install it (apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary. The root `npm test` installs it automatically.',
    );
  }
  return path;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
