import { describe, expect, it } from 'vitest';
import { createCollector } from '../../test/collect';
import { invocationStorage } from '../context/invocation-store';
import { createLogger, levelFromEnv } from './create-logger';

function setup(options: Parameters<typeof createLogger>[1] = {}) {
  const out = createCollector();
  const logger = createLogger('checkout', { destination: out, ...options });
  return { out, logger };
}

describe('createLogger', () => {
  it('writes exactly the DESIGN §4 record for an info line with context', () => {
    const { out, logger } = setup();
    logger.info('order placed', { orderId: 'o-1', items: 2 });
    const [line, ...rest] = out.json();
    expect(rest).toEqual([]);
    expect(Object.keys(line ?? {}).sort()).toEqual([
      'context',
      'functionName',
      'level',
      'message',
      'timestamp',
    ]);
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'order placed',
      functionName: 'checkout',
      context: { orderId: 'o-1', items: 2 },
    });
    expect(new Date(line?.timestamp as string).toISOString()).toBe(line?.timestamp);
    expect(out.chunks[0]?.endsWith('}\n')).toBe(true);
  });

  it('writes WARN and ERROR with an error carrying its cause chain', () => {
    const { out, logger } = setup();
    const cause = new RangeError('inner');
    logger.error('payment failed', new TypeError('outer', { cause }), { orderId: 'o-1' });
    logger.warn('slow', new Error('late'));
    logger.warn('plain warning', { tries: 3 });
    const [err, warn, plain] = out.json();
    expect(err).toMatchObject({
      level: 'ERROR',
      error: { name: 'TypeError', message: 'outer', cause: { name: 'RangeError', message: 'inner' } },
      context: { orderId: 'o-1' },
    });
    expect((err?.error as { stack: string } | undefined)?.stack).toContain('TypeError: outer');
    expect(warn).toMatchObject({ level: 'WARN', error: { name: 'Error', message: 'late' } });
    expect(plain).toMatchObject({ level: 'WARN', context: { tries: 3 } });
    expect(plain).not.toHaveProperty('error');
  });

  it('redacts sensitive keys, e-mails in strings and in error messages, keeping other values', () => {
    const { out, logger } = setup({ redactKeys: ['orderSecretCode'] });
    logger.error('failed for jane@example.com', new Error('card of jane@example.com declined'), {
      password: 'hunter2',
      orderSecretCode: 'x1',
      note: 'mail bob@example.org',
      orderId: 'o-1',
    });
    const raw = out.lines()[0] ?? '';
    const [line] = out.json();
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('@example.');
    expect(line).toMatchObject({
      context: { password: '[REDACTED]', orderSecretCode: '[REDACTED]', orderId: 'o-1' },
    });
    expect((line?.context as { note: string } | undefined)?.note).toContain('mail ');
    expect((line?.error as { message: string } | undefined)?.message).toContain('card of');
  });

  it('never throws on circular and BigInt values', () => {
    const { out, logger } = setup();
    const circular: Record<string, unknown> = { id: 1n };
    circular.self = circular;
    expect(() => logger.info('odd values', { circular, big: 10n ** 20n })).not.toThrow();
    const [line] = out.json();
    expect(line?.context).toMatchObject({ big: '100000000000000000000', circular: { id: '1' } });
  });

  it('never throws when the destination throws', () => {
    const logger = createLogger('f', {
      destination: {
        write() {
          throw new Error('EPIPE');
        },
      },
    });
    expect(() => logger.error('x', new Error('y'))).not.toThrow();
  });

  it('drops DEBUG unless asked for it, and LOG_LEVEL=DEBUG turns it on', () => {
    const { out, logger } = setup({ level: 'INFO' });
    logger.debug('hidden');
    logger.info('shown');
    const debugOn = setup({ level: 'DEBUG' });
    debugOn.logger.debug('visible');
    expect(out.json().map((l) => l.message)).toEqual(['shown']);
    expect(debugOn.out.json()).toMatchObject([{ level: 'DEBUG', message: 'visible' }]);
    expect(levelFromEnv({ LOG_LEVEL: 'debug' })).toBe('DEBUG');
    expect(levelFromEnv({ LOG_LEVEL: 'TRACE' })).toBe('INFO');
    expect(levelFromEnv({})).toBe('INFO');
  });

  it('child bindings become top-level ids and extra bindings join the context', () => {
    const { out, logger } = setup();
    const child = logger.child({ requestId: 'r-1', sessionId: 's-1', coldStart: true, tenant: 't1' });
    child.info('hello', { a: 1 });
    expect(out.json()[0]).toMatchObject({
      requestId: 'r-1',
      sessionId: 's-1',
      coldStart: true,
      context: { tenant: 't1', a: 1 },
    });
  });

  it('takes requestId, sessionId and coldStart from the active invocation, and bound ids win', () => {
    const { out, logger } = setup();
    const store = { requestId: 'req-A', sessionId: 'sess-A', coldStart: false, functionName: 'checkout' };
    invocationStorage.run(store, () => {
      logger.info('inside');
      logger.child({ requestId: 'req-B' }).info('bound');
    });
    logger.info('outside');
    const [inside, bound, outside] = out.json();
    expect(inside).toMatchObject({ requestId: 'req-A', sessionId: 'sess-A', coldStart: false });
    expect(bound).toMatchObject({ requestId: 'req-B', sessionId: 'sess-A' });
    expect(outside).not.toHaveProperty('requestId');
  });
});
