import { describe, expect, it, vi } from 'vitest';
import { createErrorReportHandler } from '../../src/ingestion/create-error-report-handler';
import { createLogger } from '../../src/logger/create-logger';
import { collectStdout, handlerOn, v2Event } from './fixtures';

// `context.extra` is bounded and redacted once, by core's boundExtra (#13 item 4); the package's logger
// writes it as it is. The probe counts the logger's calls into core's redaction that see the extra's value.
const PROBE = 'extra-probe-value';
const seen = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@usermetrics/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@usermetrics/core')>();
  const count = (value: unknown) => {
    if (JSON.stringify(value)?.includes('extra-probe-value')) seen.calls++;
  };
  return {
    ...core,
    redactString: (value: string, options?: unknown) => {
      count(value);
      return core.redactString(value, options as never);
    },
    redact: (value: unknown, options?: unknown) => {
      count(value);
      return core.redact(value, options as never);
    },
  };
});

describe('context.extra is redacted in one place', () => {
  it('the ERROR line carries the bounded, redacted extra without a second pass of the logger', async () => {
    const { out, handler } = handlerOn(createErrorReportHandler);
    const body = JSON.stringify({
      error: { message: 'boom', type: 'TypeError' },
      context: { extra: { note: PROBE, email: 'jane.doe@example.com', password: 'hunter2' } },
    });
    seen.calls = 0;

    expect((await handler(v2Event({ body }))).statusCode).toBe(200);

    const line = out.logs().find((l) => l.level === 'ERROR') as {
      context: { extra: Record<string, unknown> };
    };
    expect(line.context.extra).toEqual({ note: PROBE, email: '[REDACTED]', password: '[REDACTED]' });
    expect(seen.calls).toBe(0);
  });

  it('positive control: the probe does see the logger redact a value that was not redacted before', () => {
    const out = collectStdout();
    seen.calls = 0;
    createLogger('fn', { destination: out }).error('boom', undefined, { extra: { note: PROBE } });
    expect(out.text()).toContain(PROBE);
    expect(seen.calls).toBeGreaterThan(0);
  });
});
