import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
// The one EMF schema the node package's own tests use: what the collector received must pass the same rules.
import { validateEmfLine } from '@usermetrics/test-support/emf-schema';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoutesModule } from '../src/routes/load-routes-module';
import { type Collector, startCollector } from '../src/server/create-collector';
import { getJson, makeDataDir } from './helpers';

// What `npm run demo` passes to usermetrics-dev: --app, --handlers, --routes.
const resolvePackage = (name: string) =>
  dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const WEB_DIR = resolvePackage('@usermetrics/example-web');
const APP_DIR = join(WEB_DIR, 'dist');
const HANDLERS = join(resolvePackage('@usermetrics/example-api'), 'usermetrics.routes.mjs');
const EMAIL = 'jane.secret.person@example.com';
const PASSWORD = 'Hunter2-TopSecret-Pw';
// Plain text in the app's footer: replay records it unmasked, so finding it proves the probe can see text.
const MARKER = 'plain-visible-kiwi-marker';

let collector: Collector;
let browser: Browser;
let dataDir: string;

interface ErrorItem {
  message?: string;
  sessionId?: string;
  replayUrl?: string;
  errorId?: string;
  frames?: string[];
}

// The line of the demo's render error, read from the source so an edit cannot make the test lie.
const DANGER_ZONE = join(APP_DIR, '..', 'src', 'components', 'DangerZone.tsx');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

beforeAll(async () => {
  const executablePath = assertChromium();
  if (!existsSync(join(APP_DIR, 'index.html'))) {
    throw new Error(`The example app is not built (${APP_DIR}). Run \`npx turbo run build\` first.`);
  }
  dataDir = await makeDataDir();
  collector = await startCollector({
    port: 0,
    dataDir,
    appDir: APP_DIR,
    apiRoutes: await loadRoutesModule(HANDLERS),
    routes: JSON.parse(await readFile(join(WEB_DIR, 'routes.json'), 'utf8')),
    quiet: true,
  });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the demo, end to end in Chromium', () => {
  it('shows every part of the system working together, and keeps typed secrets out of everything stored', async () => {
    const base = collector.url;
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${base}/`);
    await page.getByTestId('late-banner').waitFor(); // the late banner shifts the layout: CLS > 0
    // Replay starts after the load event; wait for it so the error carries its replay link.
    // Its first batch (the initial DOM snapshot, with the marker text) follows right away.
    await waitFor('the first OpenReplay batch', async () => {
      const { sessions } = await getJson<{ sessions: { batches: number }[] }>(
        `${base}/__usermetrics/api/replay`,
      );
      return sessions.some((s) => s.batches > 0) ? true : undefined;
    });

    await page.getByRole('link', { name: 'Checkout' }).click(); // a click (INP) and a client-side navigation
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();

    await page.getByRole('button', { name: 'Throw an error in render' }).click();
    await page.getByRole('alert').waitFor();
    await expect
      .poll(async () => page.getByTestId('error-id').textContent(), { timeout: 10_000 })
      .not.toBe('pending…');

    await page.getByRole('button', { name: 'Reject a promise' }).click();

    await page.getByTestId('email').fill(EMAIL);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect
      .poll(async () => page.getByTestId('order-status').textContent(), { timeout: 10_000 })
      .toContain('Order placed');

    await page.getByRole('button', { name: 'Call the API' }).click();
    await expect
      .poll(async () => page.getByTestId('api-result').textContent(), { timeout: 10_000 })
      .toContain('→ 200');

    // Leave the way a visitor does: Chromium fires pagehide and visibilitychange→hidden on navigation, which
    // is when web-vitals reports CLS and INP and the tracker flushes with sendBeacon. Then close the page.
    await page.goto('about:blank');
    await page.close();

    // 1. Five web vitals accepted by the production handler.
    const vitals = await waitFor('all five web vitals', async () => {
      const { items } = await getJson<{ items: { name: string; sessionId?: string }[] }>(
        `${base}/__usermetrics/api/vitals`,
      );
      const names = new Set(items.map((i) => i.name));
      return ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'].every((n) => names.has(n)) ? items : undefined;
    });
    expect(new Set(vitals.map((v) => v.name))).toEqual(new Set(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']));

    // 2. The render error, received once, with its session and replay link.
    const { errors } = await getJson<{ errors: ErrorItem[] }>(`${base}/__usermetrics/api/errors`);
    const renderErrors = errors.filter((e) => e.message?.includes('Demo render error'));
    expect(renderErrors).toHaveLength(1);
    const [error] = renderErrors as [ErrorItem];
    expect(error.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.replayUrl).toMatch(new RegExp(`^${base}/1/session/\\d+`));
    expect(error.errorId).toBeTruthy();
    expect(vitals.some((v) => v.sessionId === error.sessionId)).toBe(true);
    // Symbolicated from the build's private source maps: the original file, line and function, not the bundle.
    const throwLine =
      (await readFile(DANGER_ZONE, 'utf8')).split('\n').findIndex((l) => l.includes('Demo render error')) + 1;
    expect(error.frames?.[0]).toMatch(
      new RegExp(`^Bomb \\(src/components/DangerZone\\.tsx:${throwLine}:\\d+\\)$`),
    );
    const replaySessionId = /\/session\/(\d+)/.exec(error.replayUrl ?? '')?.[1];
    const { sessions } = await getJson<{
      sessions: { sessionID: string; userID?: string; messages: number }[];
    }>(`${base}/__usermetrics/api/replay`);
    // The replay session the link points to was recorded.
    expect(sessions.find((s) => s.sessionID === replaySessionId)?.messages).toBeGreaterThan(0);

    // The unhandled rejection, caught by the tracker's global handler, in the same session.
    const rejection = await waitFor('the unhandled rejection', async () => {
      const r = await getJson<{ errors: ErrorItem[] }>(`${base}/__usermetrics/api/errors`);
      return r.errors.find((e) => e.message?.includes('Demo unhandled rejection'));
    });
    expect(rejection.sessionId).toBe(error.sessionId);

    // 3. Lambda log lines carrying the same session (X-Session-Id propagated to the example API).
    const { logs } = await getJson<{ logs: { functionName: string; sessionId?: string }[] }>(
      `${base}/__usermetrics/api/logs`,
    );
    const sessionLogs = logs.filter((l) => l.sessionId === error.sessionId);
    expect(sessionLogs.map((l) => l.functionName)).toEqual(
      expect.arrayContaining(['example-hello', 'example-checkout']),
    );

    // 4. Every EMF document valid against the EMF schema; the business metric and the vitals among them.
    const { documents } = await getJson<{ documents: { document: Record<string, unknown> }[] }>(
      `${base}/__usermetrics/api/emf?limit=5000`,
    );
    expect(documents.length).toBeGreaterThan(0);
    for (const { document } of documents) {
      expect(validateEmfLine(JSON.stringify(document))).toEqual([]);
    }
    const namespaces = new Set(
      documents.flatMap(({ document }) =>
        (document._aws as { CloudWatchMetrics: { Namespace: string }[] }).CloudWatchMetrics.map(
          (d) => d.Namespace,
        ),
      ),
    );
    expect([...namespaces]).toEqual(
      expect.arrayContaining(['UserMetrics/Lambda', 'UserMetrics/Frontend', 'DemoShop']),
    );

    // 5. Umami page views for both routes.
    const { byPath } = await getJson<{ byPath: { path: string; views: number }[] }>(
      `${base}/__usermetrics/api/pageviews`,
    );
    const viewed = byPath.filter((p) => p.views > 0).map((p) => p.path);
    expect(viewed).toEqual(expect.arrayContaining(['/', '/checkout']));

    // 6. Privacy: the typed email and password appear in nothing stored (JSONL files and decoded replay
    // batches), while the plain marker text does appear in the replay data (the probe can see text).
    await collector.store.close(); // flush the JSONL files
    const files = await filesUnder(dataDir);
    const replayFiles = files.filter((f) => f.endsWith('.bin'));
    expect(replayFiles.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('.jsonl'))).toBe(true);
    const contents = await Promise.all(files.map((f) => readFile(f)));
    const replayData = Buffer.concat(await Promise.all(replayFiles.map((f) => readFile(f))));
    expect(replayData.includes(MARKER)).toBe(true); // positive control
    for (const [i, bytes] of contents.entries()) {
      expect(bytes.includes(EMAIL), `email found in ${files[i]}`).toBe(false);
      expect(bytes.includes('jane.secret.person'), `email local part found in ${files[i]}`).toBe(false);
      expect(bytes.includes(PASSWORD), `password found in ${files[i]}`).toBe(false);
    }
    expect(pageErrors.filter((m) => !m.includes('Demo'))).toEqual([]);
    expect(pageErrors.some((m) => m.includes('Demo unhandled rejection'))).toBe(true);
  }, 120_000);
});
