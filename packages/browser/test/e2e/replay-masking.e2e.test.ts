import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2EPageConfig } from './app/main';
import { launchChromium, newVisitorContext } from './support/chromium';
import { e2eBuild } from './support/e2e-build';
import { containsUtf8, MESSAGE_SET_INPUT_VALUE, readInputValue } from './support/openreplay-batch';
import {
  fullConfig,
  leavePage,
  MARKER_TEXT,
  movePointerOutOfPage,
  openTrackedPage,
  TEXT_EMAIL,
  useConfig,
} from './support/scenario';
import { startTestServer, type TestServer } from './support/test-server';

// What the visitor types must never reach the replay ingest. The probe is the stand-in's decoded copy of every
// batch (gunzipped when the tracker compressed it); the page's marker text proves the probe sees page content.
const TYPED_EMAIL = 'secret.visitor@example.net';
const TYPED_PASSWORD = 'Hunter2-Correct-Horse';

/** Input-value messages sent after the initial DOM snapshot (the "visual" batch), i.e. caused by typing. */
function typedInputs(server: TestServer) {
  return server.replayBatches
    .filter((b) => b.dataType !== 'visual')
    .flatMap((b) => b.messages.filter((m) => m.type === MESSAGE_SET_INPUT_VALUE).map(readInputValue));
}

/** Opens the page with `config`, waits for the first replay batch, types `text` into each field, then leaves. */
async function typeAndLeave(
  context: BrowserContext,
  server: TestServer,
  config: E2EPageConfig,
  fields: readonly (readonly [selector: string, text: string])[],
): Promise<void> {
  await useConfig(context, config);
  const { page } = await openTrackedPage(context, server);
  await server.waitFor('the first replay batch', () => server.replayBatches.length > 0, 20_000);
  for (const [selector, text] of fields) await page.locator(selector).pressSequentially(text, { delay: 5 });
  await page.locator(fields[0]?.[0] ?? 'body').blur();
  await movePointerOutOfPage(page);
  await server.waitFor(
    'the input events after the snapshot',
    () => typedInputs(server).length >= fields.length,
  );
  await leavePage(page);
  await server.settle();
}

describe('session replay masking in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    // A low gzip threshold (as an ingest server may announce) so the initial DOM batch travels compressed.
    server = await startTestServer({ appDir: e2eBuild().appDir, compressionThreshold: 512 });
    browser = await launchChromium();
    context = await newVisitorContext(browser);
    await typeAndLeave(context, server, fullConfig(server, { umami: undefined }), [
      ['#email', TYPED_EMAIL],
      ['#password', TYPED_PASSWORD],
    ]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('decodes compressed and uncompressed batches from the tracker', () => {
    expect(server.rejections).toEqual([]);
    expect(server.replayBatches.some((b) => b.compressed)).toBe(true);
    expect(server.replayBatches.some((b) => !b.compressed)).toBe(true);
  });

  it('never sends the typed e-mail, the typed password or an e-mail shown in the text', () => {
    const batches = server.replayBatches.map((b) => b.bytes);
    // Positive control: the probe finds unmasked page text in the very same decoded data.
    expect(batches.some((bytes) => containsUtf8(bytes, MARKER_TEXT))).toBe(true);
    for (const secret of [TYPED_EMAIL, TYPED_PASSWORD, 'secret.visitor', 'Hunter2', TEXT_EMAIL]) {
      expect(
        batches.filter((bytes) => containsUtf8(bytes, secret)),
        secret,
      ).toEqual([]);
    }
  });

  it('records the typing as input events whose value is empty (masked)', () => {
    // The typing was captured: input-value messages for both fields after the initial snapshot …
    expect(new Set(typedInputs(server).map((i) => i.id)).size).toBe(2);
    // … and no input value, before or after, went out in clear.
    const all = server.replayBatches.flatMap((b) =>
      b.messages.filter((m) => m.type === MESSAGE_SET_INPUT_VALUE).map(readInputValue),
    );
    expect(all.filter((i) => i.value !== '')).toEqual([]);
  });
});

describe('replay sanitization rules in Chromium (an app-provided rules file on top of the defaults)', () => {
  const HEADING = 'usermetrics end-to-end page';
  const ROUTE_TEXT = 'First route';
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ appDir: e2eBuild().appDir });
    browser = await launchChromium();
    context = await newVisitorContext(browser);
    const config = fullConfig(server, { umami: undefined });
    const replay = config.tracker.replay as NonNullable<typeof config.tracker.replay>;
    // What an app imports from its openreplay-sanitization-rules.json.
    replay.sanitization = { version: 1, mask: ['#marker'], ignore: ['#route'] };
    await typeAndLeave(context, server, config, [['#email', TYPED_EMAIL]]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('obscures the text of masked elements and leaves ignored ones out, and still masks inputs', () => {
    const batches = server.replayBatches.map((b) => b.bytes);
    // Positive control: text no rule names is recorded as usual.
    expect(batches.some((bytes) => containsUtf8(bytes, HEADING))).toBe(true);
    for (const secret of [MARKER_TEXT, 'quokka', ROUTE_TEXT, TYPED_EMAIL, TEXT_EMAIL]) {
      expect(
        batches.filter((bytes) => containsUtf8(bytes, secret)),
        secret,
      ).toEqual([]);
    }
  });
});
