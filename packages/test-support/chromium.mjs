// Where the repository's real-Chromium tools find Chromium, and the flags they launch it with: the browser
// end-to-end tests, the demo end-to-end test, the Chromium benchmark, the dashboard screenshot and the system
// check of `npm test`. One list, so a flag that makes runs quieter or steadier applies to all of them.
import { existsSync } from 'node:fs';

/** Where Chromium is: `CHROMIUM_PATH`, else the Debian package's binary. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** The Chromium path, or an Error that says how to get one: callers fail, never skip, without a browser. */
export function assertChromium() {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (apt-get install -y chromium) or point CHROMIUM_PATH at a ` +
        'Chromium/Chrome binary. The root `npm test` installs it automatically.',
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
