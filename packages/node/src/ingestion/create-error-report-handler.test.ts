import { isUuid } from '@usermetrics/core';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, handlerOn, SESSION, v1Event, v2Event } from '../../test/ingestion/fixtures';
import { createErrorReportHandler } from './create-error-report-handler';
import type { ErrorReportHandlerOptions } from './types';

const setup = (options: ErrorReportHandlerOptions = {}) =>
  handlerOn(createErrorReportHandler, { routes: ['/users/:id'], functionName: 'errors-fn', ...options });

const bodyOf = (res: { body: string }) => JSON.parse(res.body);

describe('createErrorReportHandler', () => {
  it.each([
    ['HTTP API v2', v2Event],
    ['REST API v1', v1Event],
  ])('logs one ERROR line with the errorId it returns (%s)', async (_, makeEvent) => {
    const { out, handler } = setup();

    const res = await handler(makeEvent({ body: errorBody() }), { awsRequestId: 'aws-req-1' });

    expect(res.statusCode).toBe(200);
    const body = bodyOf(res);
    expect(body).toEqual({ success: true, errorId: expect.any(String) });
    expect(isUuid(body.errorId)).toBe(true);
    expect(body.errorId[14]).toBe('7');
    const logs = out.logs();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      level: 'ERROR',
      functionName: 'errors-fn',
      requestId: 'aws-req-1',
      sessionId: SESSION,
      error: { name: 'TypeError', message: 'x is undefined' },
      context: { errorId: body.errorId, environment: 'production', route: '/users/:id' },
    });
  });

  it('counts the error in FrontendErrors by environment and errorType', async () => {
    const { out, handler } = setup();

    const res = await handler(v2Event({ body: errorBody({ type: 'RangeError' }) }));

    const [doc] = out.emf();
    expect(doc).toMatchObject({ environment: 'production', errorType: 'RangeError', FrontendErrors: 1 });
    expect(doc?.errorId).toBe(bodyOf(res).errorId);
    expect(doc?._aws).toHaveProperty('CloudWatchMetrics', [
      {
        Namespace: 'UserMetrics/Frontend',
        Dimensions: [['environment'], ['environment', 'errorType']],
        Metrics: [{ Name: 'FrontendErrors', Unit: 'Count' }],
      },
    ]);
  });

  it.each([
    [{ type: 'MyCustomError' }, 'Other'],
    [{ type: 'jane@example.com' }, 'Other'],
    [
      { type: undefined, stack: 'ChunkLoadError: Loading chunk 3 failed\n    at x (a.js:1:1)' },
      'ChunkLoadError',
    ],
    [{ type: undefined, stack: undefined }, 'Other'],
  ])('bounds the errorType dimension: %j → %s', async (error, expected) => {
    const { out, handler } = setup();

    await handler(v2Event({ body: errorBody(error) }));

    expect(out.emf()[0]?.errorType).toBe(expected);
  });

  it('logs the release, error.handled and a redacted, bounded context.extra', async () => {
    const { out, handler } = setup();
    const extra = {
      orderId: 42,
      email: 'jane@example.com',
      deep: { a: { b: { c: 1 } } },
      ...Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i])),
    };

    await handler(v2Event({ body: errorBody({ handled: false }, { release: '1.2.3', extra }) }));

    const [line] = out.logs();
    expect(line?.error).toMatchObject({ name: 'TypeError', handled: false });
    expect(line?.context).toMatchObject({ release: '1.2.3' });
    const logged = (line?.context as { extra: Record<string, unknown> } | undefined)?.extra ?? {};
    expect(logged).toMatchObject({ orderId: 42, email: '[REDACTED]', deep: { a: { b: '[MaxDepth]' } } });
    expect(Object.keys(logged).filter((k) => k !== '…')).toHaveLength(20);
    expect(logged['…']).toBe('[+8 more]');
  });

  it('reads handled from context.handled, where browsers up to 0.x send it', async () => {
    const { out, handler } = setup();

    await handler(v2Event({ body: errorBody({}, { handled: true }) }));

    expect(out.logs()[0]?.error).toMatchObject({ handled: true });
  });

  it('logs a repeated fingerprint of a session only as a short INFO line, still counting it', async () => {
    const { out, handler } = setup();
    const body = errorBody({}, { fingerprint: 'fp-1' });

    const first = bodyOf(await handler(v2Event({ body })));
    const second = bodyOf(await handler(v2Event({ body })));
    const third = bodyOf(await handler(v2Event({ body })));

    expect(first.duplicate).toBeUndefined();
    expect(second).toEqual({ success: true, errorId: expect.any(String), duplicate: true });
    expect(new Set([first.errorId, second.errorId, third.errorId]).size).toBe(3);
    expect(out.logs().map((l) => l.level)).toEqual(['ERROR', 'INFO', 'INFO']);
    expect(out.logs()[2]).toMatchObject({
      context: { fingerprint: 'fp-1', occurrences: 3, errorId: third.errorId },
    });
    expect(out.logs()[2]).not.toHaveProperty('error');
    expect(out.emf().map((d) => [d.FrontendErrors, d.duplicate])).toEqual([
      [1, false],
      [1, true],
      [1, true],
    ]);
  });

  it('does not treat the same fingerprint from another session as a duplicate', async () => {
    const { handler } = setup();

    await handler(v2Event({ body: errorBody({}, { fingerprint: 'fp-1' }) }));
    const other = bodyOf(
      await handler(v2Event({ body: errorBody({}, { fingerprint: 'fp-1', sessionId: 'other' }) })),
    );

    expect(other.duplicate).toBeUndefined();
  });

  it('computes a fingerprint from type, message and top frames when the report has none', async () => {
    const { out, handler } = setup();

    await handler(v2Event({ body: errorBody() }));
    const same = bodyOf(await handler(v2Event({ body: errorBody() })));
    const different = bodyOf(await handler(v2Event({ body: errorBody({ message: 'y is null' }) })));

    expect(same.duplicate).toBe(true);
    expect(different.duplicate).toBeUndefined();
    expect(out.logs()[0]?.context).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('logs every report in full when dedupe is off', async () => {
    const { out, handler } = setup({ dedupe: false });

    await handler(v2Event({ body: errorBody() }));
    const second = bodyOf(await handler(v2Event({ body: errorBody() })));

    expect(second.duplicate).toBeUndefined();
    expect(out.logs().map((l) => l.level)).toEqual(['ERROR', 'ERROR']);
  });

  it('falls back to the X-Session-Id header for the session when the context has none', async () => {
    const { out, handler } = setup();
    const headers = { 'content-type': 'application/json', 'x-session-id': 'hdr-session' };

    await handler(v2Event({ headers, body: errorBody({}, { sessionId: undefined }) }));
    const again = bodyOf(await handler(v2Event({ headers, body: errorBody({}, { sessionId: undefined }) })));

    expect(out.logs()[0]?.sessionId).toBe('hdr-session');
    expect(again.duplicate).toBe(true);
  });

  it('never dedupes reports that carry no session at all', async () => {
    const { handler } = setup();
    const body = errorBody({}, { sessionId: undefined });

    await handler(v2Event({ body }));
    const again = bodyOf(await handler(v2Event({ body })));

    expect(again.duplicate).toBeUndefined();
  });

  it('answers 400 invalid_payload with issues for a report without a message', async () => {
    const { out, handler } = setup();

    const res = await handler(v2Event({ body: JSON.stringify({ error: { stack: 'x' }, context: 'nope' }) }));

    expect(res.statusCode).toBe(400);
    const { error } = bodyOf(res);
    expect(error.code).toBe('invalid_payload');
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues[0]).toEqual({ path: expect.any(String), message: expect.any(String) });
    expect(out.lines()).toEqual([]);
  });

  it('sends the ERROR line to an injected logger without child(), with the redacted error and context', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const { out, handler } = setup({ logger });

    const res = await handler(v2Event({ body: errorBody({ message: 'failed for jane@example.com' }) }));

    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      'Frontend error: failed for [REDACTED]',
      { name: 'TypeError', message: 'failed for [REDACTED]', stack: expect.stringContaining('at f') },
      expect.objectContaining({ errorId: bodyOf(res).errorId, route: '/users/:id' }),
    );
    expect(out.logs()).toEqual([]);
    expect(out.emf()).toHaveLength(1);
  });

  it('still answers when writing to stdout throws', async () => {
    const { handler } = setup({
      stdout: {
        write() {
          throw new Error('EPIPE');
        },
      },
    });

    const res = await handler(v2Event({ body: errorBody() }));

    expect(res.statusCode).toBe(200);
    expect(isUuid(bodyOf(res).errorId)).toBe(true);
  });
});
