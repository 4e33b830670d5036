import { describe, expect, it } from 'vitest';
import { collectStdout, handlerOn, SESSION, v2Event, vital } from '../../test/ingestion/fixtures';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';

const EMAIL = 'jane.doe@example.com';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const CARD = '4111 1111 1111 1111';
const SECRETS = [EMAIL, TOKEN, CARD, 'hunter2', 'sk_live_abc123'];

/** Every free-text field of an error report carries a secret. */
function hostileReport(): string {
  return JSON.stringify({
    error: {
      type: `TypeError for ${EMAIL}`,
      message: `Cannot charge ${CARD} for ${EMAIL}`,
      stack: `TypeError: bad\n    at pay (https://app.example/pay.js?token=${TOKEN}:1:2)\n    at ${EMAIL}`,
    },
    context: {
      url: `https://app.example/checkout?email=${encodeURIComponent(EMAIL)}&lang=en#access_token=${TOKEN}`,
      replayUrl: `https://replay.example/s/1?jwt=${TOKEN}&password=hunter2`,
      userAgent: `Mozilla/5.0 Bearer ${TOKEN}`,
      componentStack: `in Checkout (card=${CARD})\n in App (apiKey=sk_live_abc123)`,
      release: `1.2.3+${EMAIL}`,
      route: `/users/${EMAIL}`,
      sessionId: SESSION,
      fingerprint: `fp-${EMAIL}`,
    },
  });
}

describe('redaction before logging and metrics', () => {
  it('leaves no e-mail, token, card or secret in the logged error report or its metrics', async () => {
    const { out, handler } = handlerOn(createErrorReportHandler);
    const body = hostileReport();
    // Positive control: the fixture really carries every secret, and the probe reads the same text it checks.
    for (const secret of SECRETS) expect(body).toContain(secret);

    const res = await handler(v2Event({ body }));
    await handler(v2Event({ body }));

    expect(res.statusCode).toBe(200);
    const written = out.text();
    expect(out.logs().map((l) => l.level)).toEqual(['ERROR', 'INFO']);
    expect(out.emf()).toHaveLength(2);
    for (const secret of SECRETS) expect(written).not.toContain(secret);
    expect(written).not.toContain(encodeURIComponent(EMAIL));
    expect(written).toContain('[REDACTED]');
    const [log] = out.logs();
    expect(log?.context).toMatchObject({
      url: 'https://app.example/checkout?email=[REDACTED]&lang=en',
      route: 'other',
    });
    expect(JSON.stringify(log)).toContain('in Checkout');
  });

  it('shows the probe would catch a leak: the same secrets are visible when written unredacted', () => {
    const out = collectStdout();
    out.write(`${hostileReport()}\n`);

    for (const secret of SECRETS) expect(out.text()).toContain(secret);
  });

  it('redacts every free-text field of the ERROR line, through the own logger and a foreign one (#18)', async () => {
    // Each field holds an e-mail, a card and a JWT; the handler redacts them once and the package's logger
    // writes those fields without a second pass, so a field the handler forgot would reach stdout as is.
    const JWT = 'eyJhbGc.eyJzdWI.sig1'; // short enough for the 100-character fields
    const SECRET = `${EMAIL} ${CARD} ${JWT}`;
    const body = JSON.stringify({
      error: { type: `Boom ${SECRET}`, message: `m ${SECRET}`, stack: `s ${SECRET}` },
      context: {
        url: `https://app.example/p/${EMAIL}?q=${EMAIL}&c=${CARD}&t=${JWT}`,
        replayUrl: `https://replay.example/${EMAIL}?q=${EMAIL}&c=${CARD}&t=${JWT}`,
        userAgent: `ua ${SECRET}`,
        componentStack: `cs ${SECRET}`,
        release: `r ${SECRET}`,
        fingerprint: `fp ${SECRET}`,
        route: `/r ${SECRET}`,
        timestamp: '2026-01-01T12:00:00.000Z',
      },
    });
    const foreign: string[] = [];
    const plain = {
      info: () => {},
      warn: () => {},
      error: (_m: string, error?: unknown, context?: Record<string, unknown>) =>
        foreign.push(JSON.stringify({ error, context })),
    };
    const { out, handler: own } = handlerOn(createErrorReportHandler);
    const { handler: theirs } = handlerOn(createErrorReportHandler, { logger: plain });
    const ownRes = await own(v2Event({ body }));
    expect(ownRes.statusCode, String(ownRes.body)).toBe(200);
    expect((await theirs(v2Event({ body }))).statusCode).toBe(200);
    const [line] = out.logs();
    const lines = [line, JSON.parse(foreign[0] ?? '{}')];
    for (const l of lines) {
      const { error, context } = l as { error: Record<string, string>; context: Record<string, string> };
      const fields = {
        name: error.name,
        message: error.message,
        stack: error.stack,
        url: context.url,
        replayUrl: context.replayUrl,
        userAgent: context.userAgent,
        componentStack: context.componentStack,
        release: context.release,
        fingerprint: context.fingerprint,
      };
      for (const [field, text] of Object.entries(fields)) {
        // Positive control: the field is there and its redaction is visible.
        expect(text, field).toContain('[REDACTED]');
        for (const secret of [EMAIL, CARD, JWT]) expect(text, field).not.toContain(secret);
      }
    }
  });

  it('redacts what web-vitals documents keep from the request', async () => {
    const { out, handler } = handlerOn(createWebVitalsHandler);
    const body = JSON.stringify({
      metrics: [vital({ url: `https://app.example/u/${EMAIL}?token=${TOKEN}`, id: `id-${EMAIL}` })],
      sessionId: `s-${EMAIL}`,
      userAgent: `UA ${TOKEN}`,
    });
    expect(body).toContain(EMAIL);

    await handler(v2Event({ body }));

    const written = out.text();
    expect(out.emf()).toHaveLength(1);
    expect(written).not.toContain(EMAIL);
    expect(written).not.toContain(TOKEN);
  });
});
