import { describe, expect, it } from 'vitest';
import { collectStdout, now, ORIGIN, SESSION, v2Event, vital } from '../../test/ingestion/fixtures';
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
    const out = collectStdout();
    const handler = createErrorReportHandler({
      stdout: out,
      now,
      environment: 'production',
      allowedOrigins: [ORIGIN],
    });
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

  it('redacts what web-vitals documents keep from the request', async () => {
    const out = collectStdout();
    const handler = createWebVitalsHandler({
      stdout: out,
      now,
      environment: 'production',
      allowedOrigins: [ORIGIN],
    });
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
