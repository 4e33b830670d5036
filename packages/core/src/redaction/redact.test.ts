import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED } from './constants';
import { redact } from './redact';

describe('redact', () => {
  it('redacts values of sensitive keys whatever their type', () => {
    const out = redact({ password: 123, token: null, secret: { a: 1 }, apiKey: ['x'], user: 'bob' });
    expect(out).toEqual({
      password: REDACTED,
      token: REDACTED,
      secret: REDACTED,
      apiKey: REDACTED,
      user: 'bob',
    });
  });

  it('runs strings at any depth through redactString', () => {
    expect(redact({ a: [{ b: 'mail jane@example.com' }] })).toEqual({ a: [{ b: `mail ${REDACTED}` }] });
  });

  it('redacts keys that are personal data, such as a map keyed by e-mail', () => {
    const out = redact(new Map([['jane@example.com', 3]]));
    expect(JSON.stringify(out)).not.toContain('jane@example.com');
  });

  it('returns a copy and leaves the input untouched', () => {
    const input = { password: 'x', nested: { email: 'jane@example.com' } };
    const snapshot = structuredClone(input);
    const out = redact(input);
    expect(out).not.toBe(input);
    expect(input).toEqual(snapshot);
  });

  it('applies extra sensitive keys', () => {
    expect(redact({ tenantId: 'acme' }, { extraSensitiveKeys: ['tenant_id'] })).toEqual({
      tenantId: REDACTED,
    });
  });

  it('converts BigInt, Date, Map, Set and typed arrays to JSON-safe values', () => {
    const out = redact({
      big: 12345678901234567890n,
      at: new Date('2026-01-01T00:00:00.000Z'),
      bad: new Date(Number.NaN),
      map: new Map<unknown, unknown>([
        ['a', 1],
        [2, 'b'],
      ]),
      set: new Set([1, 'two']),
      bytes: new Uint8Array(1024),
    });
    expect(out).toEqual({
      big: '12345678901234567890',
      at: '2026-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
      map: { a: 1, 2: 'b' },
      set: [1, 'two'],
      bytes: '[Uint8Array]',
    });
  });

  it('drops functions and symbols', () => {
    const out = redact({ f: () => 1, s: Symbol('x'), list: [1, () => 2, Symbol('y'), 3], [Symbol('k')]: 1 });
    expect(out).toEqual({ list: [1, 3] });
  });

  it('serializes errors with name, message, stack, cause and own properties, all redacted', () => {
    const cause = new RangeError('limit for jane@example.com');
    const error = Object.assign(new TypeError('boom', { cause }), { code: 'E_AUTH', token: 't0k' });
    const out = redact(error) as unknown as Record<string, unknown>;
    expect(out).toMatchObject({ name: 'TypeError', message: 'boom', code: 'E_AUTH', token: REDACTED });
    expect(out.stack).toEqual(expect.stringContaining('TypeError: boom'));
    expect(out.cause).toMatchObject({ name: 'RangeError', message: `limit for ${REDACTED}` });
  });

  it('keeps the errors of an AggregateError', () => {
    const out = redact(new AggregateError([new Error('a')], 'many')) as unknown as { errors: unknown[] };
    expect(out.errors).toEqual([expect.objectContaining({ message: 'a' })]);
  });

  it('uses toJSON like JSON.stringify does', () => {
    expect(redact({ v: { toJSON: () => 'https://x.example/?token=abc' } })).toEqual({
      v: `https://x.example/?token=${REDACTED}`,
    });
  });

  it('summarises entries beyond maxKeys', () => {
    const out = redact({ list: [1, 2, 3, 4], obj: { a: 1, b: 2, c: 3 } }, { maxKeys: 2 });
    expect(out).toEqual({ list: [1, 2, '[+2 more]'], obj: { a: 1, b: 2, '…': '[+1 more]' } });
  });

  it('copies shared references instead of calling them circular', () => {
    const shared = { n: 1 };
    expect(redact({ a: shared, b: shared })).toEqual({ a: { n: 1 }, b: { n: 1 } });
  });
});

describe('redact robustness', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('replaces cycles with [Circular] and stays serializable', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a];
    const out = redact(a);
    expect(out).toEqual({ name: 'a', self: '[Circular]', list: ['[Circular]'] });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('replaces a cyclic error cause with [Circular]', () => {
    const error = new Error('loop');
    (error as { cause?: unknown }).cause = error;
    expect(redact(error)).toMatchObject({ message: 'loop', cause: '[Circular]' });
  });

  it('replaces throwing getters with [Unreadable] and keeps the rest', () => {
    const input = {
      ok: 1,
      get bad(): never {
        throw new Error('no');
      },
    };
    expect(redact(input)).toEqual({ ok: 1, bad: '[Unreadable]' });
  });

  it('turns a Proxy that throws on every trap into [Unreadable]', () => {
    const handler = new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('trap');
        },
      },
    );
    const hostile = new Proxy({}, handler);
    expect(redact(hostile)).toBe('[Unreadable]');
    expect(redact({ nested: hostile, ok: true })).toEqual({ nested: '[Unreadable]', ok: true });
  });

  it('turns a revoked Proxy into [Unreadable]', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(redact({ p: proxy })).toEqual({ p: '[Unreadable]' });
  });

  it('stops at maxDepth on 10 000 levels of nesting without overflowing the stack', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 10_000; i++) deep = { child: deep };
    const out = redact(deep, { maxDepth: 3 });
    expect(out).toEqual({ child: { child: { child: '[MaxDepth]' } } });
  });

  it('clamps a huge maxDepth so deep input cannot exhaust the stack', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const out = redact(deep, { maxDepth: 1e9 });
    expect(JSON.stringify(out)).toContain('[MaxDepth]');
  });

  it('truncates a 5 MB string', () => {
    const out = redact({ body: 'x'.repeat(5 * 1024 * 1024) }) as { body: string };
    expect(out.body.length).toBeLessThanOrEqual(16_384 + '…[truncated]'.length);
    expect(out.body.endsWith('…[truncated]')).toBe(true);
  });

  it('copies null-prototype and frozen objects into plain objects', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, password: 'x' });
    const frozen = Object.freeze({ b: Object.freeze([1, 2]) });
    const out = redact({ bare, frozen }) as { bare: object; frozen: object };
    expect(out).toEqual({ bare: { a: 1, password: REDACTED }, frozen: { b: [1, 2] } });
    expect(Object.getPrototypeOf(out.bare)).toBe(Object.prototype);
    expect(Object.isFrozen(out.frozen)).toBe(false);
  });

  it('drops __proto__ from parsed JSON without polluting Object.prototype', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":2}},"b":1}');
    expect(Object.hasOwn(parsed as object, '__proto__')).toBe(true); // positive control: the key is there

    const out = redact(parsed) as Record<string, unknown>;

    expect(Object.hasOwn(out, '__proto__')).toBe(false);
    expect(Object.hasOwn(out.a as object, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ a: {}, b: 1 });
  });

  it('drops constructor and prototype keys', () => {
    expect(redact({ constructor: { prototype: { x: 1 } }, prototype: 1, ok: 1 })).toEqual({ ok: 1 });
  });

  it('replaces a throwing toJSON with [Unreadable]', () => {
    const bad = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(redact({ bad })).toEqual({ bad: '[Unreadable]' });
  });

  it('never throws on hostile options', () => {
    const options = new Proxy(
      {},
      {
        get: () => {
          throw new Error('options');
        },
      },
    );
    expect(redact({ a: 1 }, options)).toBe('[Unredactable]');
  });

  it('passes primitives through', () => {
    expect([redact(1), redact(true), redact(null), redact(undefined), redact(Number.NaN)]).toEqual([
      1,
      true,
      null,
      undefined,
      Number.NaN,
    ]);
  });
});
