import { createErrorReportHandler } from '@usermetrics/node';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp, THROW_LINE } from './build-app';
import { serveDir } from './serve-dir';

const RELEASE = 'e2e-1.0.0';

/** Runs the error-report handler the way API Gateway would, with its stdout lines collected. */
async function report(stack: string, sourceMaps: string) {
  const lines: Record<string, unknown>[] = [];
  const handler = createErrorReportHandler({
    environment: 'production',
    sourceMaps: { directory: sourceMaps },
    // The budget has its own tests; here a slow shared CI machine must not turn the assertion into a race.
    symbolicationBudgetMs: 10_000,
    stdout: {
      write: (line: string) => {
        lines.push(JSON.parse(line));
        return true;
      },
    },
  });
  const res = await handler({
    requestContext: { http: { method: 'POST' }, requestId: 'e2e' },
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      error: { message: 'negative total -5', stack, type: 'RangeError' },
      context: { url: 'http://127.0.0.1/', release: RELEASE },
    }),
  });
  return { status: res.statusCode, line: lines.find((l) => l.level === 'ERROR') };
}

describe('a real Chromium stack from a vite build with the plugin', () => {
  it('is logged with the original .tsx file and line where the error was thrown', async () => {
    const { outDir, mapsRoot } = await buildApp({ release: RELEASE });
    const site = await serveDir(outDir);
    const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
    let stack = '';
    let release = '';
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.click('#checkout');
      await page.waitForFunction(() => window.errorStacks.length > 0);
      stack = await page.evaluate(() => window.errorStacks[0] ?? '');
      release = await page.evaluate(() => window.build.release);
    } finally {
      await browser.close();
      await site.close();
    }
    // What the browser printed is minified: positions in a hashed bundle, not in App.tsx.
    expect(stack).toMatch(/RangeError: negative total -5\n\s+at .+\/assets\/index-[\w-]+\.js:\d+:\d+/);
    expect(stack).not.toContain('App.tsx');
    expect(release).toBe(RELEASE);

    const { status, line } = await report(stack, mapsRoot);

    expect(status).toBe(200);
    const error = line?.error as { stack: string; frames: { source?: { file: string; line: number } }[] };
    expect(error.stack).toBe(stack);
    expect(error.frames[0]?.source).toMatchObject({
      file: 'src/App.tsx',
      line: THROW_LINE,
      name: 'applyDiscount',
    });
    expect(line?.context).toHaveProperty('issueId');
  });
});
