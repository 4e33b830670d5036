import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import { receivedMetrics, UMAMI_WEBSITE_ID } from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// The peer dependency on Vite, tested where developers meet it: Vite's dev server, in Chromium, with HMR.
// A small app (vite-hmr-app/: tracking.ts creates the tracker at module level as the README shows, view.ts
// renders and imports it, main.ts accepts view.ts's updates like a framework's HMR boundary) is copied to a
// temp folder and served by a programmatic dev server that uses the built @usermetrics/browser. The test
// edits a module in that copy and checks the update was hot (no full reload), then that there is still one
// tracker, one report per web vital and one report of an error thrown after the edit. The probes:
//   - trackers: `unhandledrejection` listeners that @usermetrics/browser's code added to window and did not
//     remove (an init script wraps add/removeEventListener and reads the caller's file from the stack);
//   - vitals and errors: what the ingestion stand-in received, counted per metric name and per message.
// double.html (two createTracker calls) is the positive control: the same probes must see it as double.

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '../..');
const repoRoot = resolve(packageDir, '../..');
const fixtureDir = join(here, 'vite-hmr-app');
const ERROR_MESSAGE = 'thrown after the edit';

interface Visit {
  /** Main-frame navigations after the first load (a full reload is one). */
  reloads: number;
  /** Vite client's "[vite] hot updated: …" console lines. */
  hotUpdates: string[];
  /** True when a value set on window before the edit survived it (no reload happened). */
  windowKept: boolean;
  /** unhandledrejection listeners added to window by @usermetrics/browser and still attached. */
  trackerListeners: number;
  /** Reports received per web-vital name. */
  metricReports: Record<string, number>;
  /** Error reports received with ERROR_MESSAGE. */
  errorReports: number;
}

/** The built tracker, its dependencies resolved from the repository, the API proxied to the stand-ins. */
async function startDevServer(root: string, apiOrigin: string): Promise<ViteDevServer> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    resolve: { alias: { '@usermetrics/browser': join(packageDir, 'dist/index.js') } },
    // No dependency pre-bundling: a dependency discovered late makes Vite reload the page, which would read
    // as a reload caused by the edit.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      host: '127.0.0.1',
      port: 0,
      fs: { allow: [root, repoRoot] },
      // Same origin as the app, as an app's dev proxy does; the stand-ins see the paths without the prefix.
      proxy: { '/__api': { target: apiOrigin, rewrite: (path) => path.replace(/^\/__api/, '') } },
    },
  });
  await server.listen();
  return server;
}

async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const live = new Set<unknown>();
    const ours = () => /packages\/browser\/dist\//.test(new Error().stack ?? '');
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === 'unhandledrejection' && ours()) live.add(listener);
      add(type, listener as EventListener, options as AddEventListenerOptions);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === 'unhandledrejection') live.delete(listener);
      remove(type, listener as EventListener, options as EventListenerOptions);
    }) as typeof window.removeEventListener;
    (window as unknown as { __trackerListeners: () => number }).__trackerListeners = () => live.size;
  });
}

/**
 * One visit: a fresh copy of the app, dev server and stand-ins; load the page, wait until the tracker has
 * started (its first Umami page view), apply `edit` to the copy, wait for Vite to apply it, throw an error in
 * the page, leave it and collect what arrived.
 */
async function visit(
  browser: Browser,
  options: { page?: string; edit?: (dir: string) => void; updates?: number },
): Promise<Visit> {
  const dir = mkdtempSync(join(tmpdir(), 'usermetrics-vite-hmr-'));
  cpSync(fixtureDir, dir, { recursive: true });
  let stand: TestServer | undefined;
  let vite: ViteDevServer | undefined;
  const context = await newVisitorContext(browser);
  try {
    stand = await startTestServer({ appDir: e2eBuild().appDir });
    vite = await startDevServer(dir, stand.apiOrigin);
    const address = vite.httpServer?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the Vite dev server is not listening');
    const origin = `http://127.0.0.1:${address.port}`;
    await context.addInitScript(
      (cfg) => {
        (window as unknown as { __E2E_CONFIG__: unknown }).__E2E_CONFIG__ = cfg;
      },
      {
        endpoint: `${origin}/__api`,
        environment: 'e2e',
        umami: { websiteId: UMAMI_WEBSITE_ID, hostUrl: `${origin}/__api` },
        transport: { flushIntervalMs: 500 },
      },
    );
    const page = await context.newPage();
    await installProbes(page);
    const hotUpdates: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('hot updated')) hotUpdates.push(m.text());
    });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.goto(`${origin}/${options.page ?? 'index.html'}`, { waitUntil: 'load' });
    const server = stand;
    await server.waitFor('the first page view', () =>
      server.umami.some((e) => e.body.payload.name === undefined),
    );
    await page.evaluate(() => {
      (window as unknown as { __beforeEdit: boolean }).__beforeEdit = true;
    });
    const loadedNavigations = navigations;

    if (options.edit) {
      options.edit(dir);
      const wanted = options.updates ?? 1;
      await server.waitFor(
        'the HMR update',
        () => hotUpdates.length >= wanted || navigations > loadedNavigations,
      );
      // The view rendered again (after the update or the reload) and its event went out through a started
      // tracker: whatever the new modules started has started by now.
      await server.waitFor('the event of the second render', () => renders(server) >= 2);
    }
    const windowKept = await page.evaluate(
      () => (window as unknown as { __beforeEdit?: boolean }).__beforeEdit === true,
    );
    const trackerListeners = await page.evaluate(() =>
      (window as unknown as { __trackerListeners: () => number }).__trackerListeners(),
    );
    await page.evaluate((message) => {
      setTimeout(() => {
        throw new Error(message);
      }, 0);
    }, ERROR_MESSAGE);
    await server.waitFor('the error report', () =>
      server.errorReports.some((r) => r.body.error.message.includes(ERROR_MESSAGE)),
    );
    const reloads = navigations - loadedNavigations;
    await page.goto('about:blank');
    await server.waitFor('FCP', () => receivedMetrics(server).some((m) => m.metric.name === 'FCP'));
    await server.settle(1000);

    const metricReports: Record<string, number> = {};
    for (const { metric } of receivedMetrics(server)) {
      metricReports[metric.name] = (metricReports[metric.name] ?? 0) + 1;
    }
    return {
      reloads,
      hotUpdates,
      windowKept,
      trackerListeners,
      metricReports,
      errorReports: server.errorReports.filter((r) => r.body.error.message.includes(ERROR_MESSAGE)).length,
    };
  } finally {
    await context.close();
    await vite?.close();
    await stand?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Umami events `rendered` received (view.ts sends one each time it renders). */
const renders = (server: TestServer): number =>
  server.umami.filter((e) => e.body.payload.name === 'rendered').length;

const replaceIn = (file: string, from: string, to: string) => (dir: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  writeFileSync(path, text.replace(from, to));
};

describe('the tracker under Vite’s dev server with HMR', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('positive control: a page that starts two trackers is seen as double by every probe', async () => {
    const result = await visit(browser, { page: 'double.html' });

    expect(result.trackerListeners).toBe(2);
    expect(result.metricReports.FCP).toBe(2);
    expect(result.errorReports).toBe(2);
  });

  it('editing a rendered module is a hot update and keeps one tracker, one report per vital, one per error', async () => {
    const result = await visit(browser, { edit: replaceIn('view.ts', 'VIEW_TEXT', 'EDITED_TEXT') });

    // An HMR update, not a full reload: Vite said so, no navigation happened, the window kept its state.
    expect(result.hotUpdates.join('\n')).toContain('/view.ts');
    expect(result.reloads).toBe(0);
    expect(result.windowKept).toBe(true);
    expect(result.trackerListeners).toBe(1);
    expect(result.metricReports.FCP).toBe(1);
    for (const [name, count] of Object.entries(result.metricReports))
      expect([name, count]).toEqual([name, 1]);
    expect(result.errorReports).toBe(1);
  });

  it('positive control: editing the entry module is a full reload, and the reload probes see it', async () => {
    const result = await visit(browser, {
      edit: replaceIn('main.ts', 'renderView();', 'renderView(); // edited'),
    });

    expect(result.reloads).toBe(1);
    expect(result.windowKept).toBe(false);
    expect(result.hotUpdates).toEqual([]);
  });

  describe('editing the module that creates the tracker (tracking.ts, under view.ts’s HMR boundary)', () => {
    // Vite re-runs tracking.ts and view.ts for this update, so createTracker runs a second time in the same
    // window — as it does with React Fast Refresh when a component imports the module holding the tracker.
    let result: Promise<Visit>;
    beforeAll(() => {
      result = visit(browser, {
        edit: replaceIn('tracking.ts', '// TRACKING_EDIT_MARKER', '// edited'),
      });
      result.catch(() => {}); // reported by the tests that await it
    });

    it('is a hot update too (no full reload)', async () => {
      const { reloads, windowKept, hotUpdates } = await result;
      expect(reloads).toBe(0);
      expect(windowKept).toBe(true);
      expect(hotUpdates.join('\n')).toContain('hot updated');
    });

    // createTracker() returns the running tracker when the module is re-run (it started a second one before:
    // two unhandledrejection listeners, every web vital and the error reported twice).
    it('keeps one tracker, one report per vital and one per error', async () => {
      const { trackerListeners, metricReports, errorReports } = await result;
      expect(trackerListeners).toBe(1);
      expect(metricReports.FCP).toBe(1);
      expect(errorReports).toBe(1);
    });
  });
});
