#!/usr/bin/env node
// Regenerates docs/dashboard.png: starts the collector (built dist) on a free port with a temp data folder,
// walks the demo app in headless Chromium like a visitor (pages, a render error, the masked form, API calls
// including the slow and the failing one), then screenshots the dashboard. Needs `npx turbo run build`.
//   node packages/dev/scripts/dashboard-screenshot.mjs [out.png]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { chromium } from 'playwright-core';
import { loadRoutesModule, startCollector } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = process.argv[2] ?? join(root, 'docs', 'dashboard.png');
const dataDir = await mkdtemp(join(tmpdir(), 'um-shot-'));
// The demo's configuration, as `npm run demo` passes it to usermetrics-dev.
const collector = await startCollector({
  port: 0,
  dataDir,
  quiet: true,
  appDir: join(root, 'examples', 'web', 'dist'),
  apiRoutes: await loadRoutesModule(join(root, 'examples', 'api', 'usermetrics.routes.mjs')),
  routes: JSON.parse(await readFile(join(root, 'examples', 'web', 'routes.json'), 'utf8')),
});
const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  for (const visit of [0, 1]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${collector.url}/`);
    await page.getByTestId('late-banner').waitFor();
    await sleep(1500); // replay starts after load
    await page.getByRole('link', { name: 'Checkout' }).click();
    if (visit === 0) {
      await page.getByRole('button', { name: 'Throw an error in render' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByRole('button', { name: 'Reject a promise' }).click();
    }
    await page.getByTestId('email').fill('someone@example.com');
    await page.getByTestId('password').fill('not-a-real-password');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByTestId('order-status').waitFor();
    await page.getByRole('button', { name: 'Call the API' }).click();
    await page.getByRole('button', { name: 'Middy handler' }).click();
    if (visit === 0) {
      await page.getByRole('button', { name: 'Failing call (handler throws)' }).click();
      await page.getByRole('button', { name: 'Slow call (2.8 s → timeout warning)' }).click();
      await sleep(3200);
    }
    await page.getByRole('link', { name: 'Slow page' }).click();
    await page.getByRole('button', { name: /Re-sort/ }).click();
    await page.getByRole('link', { name: 'User 42' }).click();
    await sleep(500);
    await page.goto('about:blank'); // pagehide: vitals and the last batches go out
    await page.close();
  }
  await sleep(2000);
  const replay = await (await fetch(`${collector.url}/__usermetrics/api/replay`)).json();
  console.log(
    'replay records:',
    JSON.stringify(replay.items.map((i) => [i.type, i.messages ?? '', i.size ?? ''])),
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${collector.url}/__usermetrics`);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await collector.close();
  await rm(dataDir, { recursive: true, force: true });
}
