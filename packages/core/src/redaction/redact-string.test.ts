import { describe, expect, it } from 'vitest';
import { REDACTED } from './constants';
import { redactString } from './redact-string';

describe('redactString', () => {
  it('keeps the auth scheme word and redacts the credential', () => {
    expect(redactString('Bearer abc123.def-456')).toBe(`Bearer ${REDACTED}`);
    expect(redactString('basic dXNlcjpwYXNzd29yZA==')).toBe(`basic ${REDACTED}`);
  });

  it.each([
    ['password=hunter2&lang=en', `password=${REDACTED}&lang=en`],
    ['password: hunter2', `password: ${REDACTED}`],
    ['"password":"hunter2"', `"password":"${REDACTED}"`],
    ['"password" : "hunter 2"', `"password" : "${REDACTED}"`],
    ["{'api_key': 'k-123'}", `{'api_key': '${REDACTED}'}`],
    ['{\\"token\\":\\"abc\\"}', `{\\"token\\":\\"${REDACTED}\\"}`],
    ['X-Api-Key: abc123', `X-Api-Key: ${REDACTED}`],
    ['pin=1234', `pin=${REDACTED}`],
  ])('redacts the value of a sensitive pair in %s and keeps the key', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it('keeps the auth scheme when the pair is an Authorization header', () => {
    expect(redactString('authorization: Bearer abc')).toBe(`authorization: Bearer ${REDACTED}`);
  });

  it('redacts a quoted value that was cut before its closing quote', () => {
    expect(redactString('{"password":"hunter2')).toBe(`{"password":"${REDACTED}`);
  });

  it('redacts a whole Cookie header line, every cookie in it', () => {
    expect(redactString('Cookie: theme=dark; sid=abc\nAccept: */*')).toBe(`Cookie: ${REDACTED}\nAccept: */*`);
  });

  it('leaves pairs with ordinary keys alone', () => {
    const text = 'status=200 route=/users/:id level: info';
    expect(redactString(text)).toBe(text);
  });

  it('still sees a sensitive pair nested in the value of an ordinary one', () => {
    expect(redactString('msg: password=abc')).toBe(`msg: password=${REDACTED}`);
  });

  it('redacts sensitive query parameters of URLs inside free text', () => {
    expect(redactString('redirect to https://x.example/cb?code=abc&page=2 failed')).toBe(
      `redirect to https://x.example/cb?code=${REDACTED}&page=2 failed`,
    );
  });

  it('redacts percent-encoded parameter names', () => {
    expect(redactString('/cb?access%5Ftoken=abc')).toBe(`/cb?access%5Ftoken=${REDACTED}`);
  });

  it('redacts URL credentials but keeps scheme and host', () => {
    expect(redactString('mongodb+srv://admin:S3cret@cluster0.example.net/app')).toBe(
      `mongodb+srv://${REDACTED}@cluster0.example.net/app`,
    );
  });

  it('finds a card inside a longer digit run and keeps the rest', () => {
    expect(redactString('ref 12 4111 1111 1111 1111 99')).toBe(`ref 12 ${REDACTED} 99`);
  });

  it('keeps Luhn-valid 13-digit runs that start with 1 (epoch milliseconds)', () => {
    expect(redactString('1767225600009')).toBe('1767225600009');
  });

  it('applies extra sensitive keys to pairs', () => {
    expect(redactString('tenant=acme', { extraSensitiveKeys: ['tenant'] })).toBe(`tenant=${REDACTED}`);
  });

  it('is idempotent', () => {
    const once = redactString('jane@example.com password=x Bearer abc123 4111111111111111 ?code=1');
    expect(redactString(once)).toBe(once);
  });

  describe('truncation', () => {
    it('cuts strings over maxStringLength and marks them', () => {
      const out = redactString('a '.repeat(100), { maxStringLength: 50 });
      expect(out.endsWith('…[truncated]')).toBe(true);
      expect(out.length).toBeLessThanOrEqual(50 + '…[truncated]'.length);
    });

    it('drops a secret cut in half instead of leaking its first part', () => {
      const text = `${'x '.repeat(20)}jane.doe@example.com`;
      const cut = text.indexOf('@example') + 4;
      const out = redactString(text, { maxStringLength: cut });
      expect(text.slice(0, cut)).toContain('jane.doe');
      expect(out).not.toContain('jane.doe');
    });

    it('drops a card number cut in half', () => {
      const text = 'card 4111 1111 1111 1111';
      const out = redactString(text, { maxStringLength: 19 });
      expect(text.slice(0, 19)).toContain('4111 1111 1111');
      expect(out).not.toContain('1111');
    });

    it('truncates a 5 MB string before any pattern runs', () => {
      const huge = 'jane@example.com 4111 1111 1111 1111 '.repeat(140_000);
      expect(huge.length).toBeGreaterThan(5_000_000);
      const out = redactString(huge);
      expect(out.length).toBeLessThanOrEqual(16_384 + '…[truncated]'.length);
      expect(out).not.toContain('jane@example.com');
      expect(out).not.toContain('4111 1111');
    });
  });

  // Inputs built to make backtracking regexes explode; each would take seconds to minutes if a pattern
  // were quadratic or worse. The test timeout is the guard, not a measured budget.
  it.each([
    ['long word', 'a'.repeat(16_000)],
    ['dotted run', 'a.'.repeat(8_000)],
    ['local-part characters, no @', 'a+b.c%d-'.repeat(2_000)],
    ['many @ without domain', 'a@'.repeat(8_000)],
    ['digits and spaces', '1 2 '.repeat(4_000)],
    ['unterminated JWTs', '-eyJaaaa'.repeat(2_000)],
    ['key-like words and separators', 'password'.repeat(2_000) + '='],
    ['many separators', ':='.repeat(8_000)],
    ['unterminated quoted values', 'token:"'.repeat(2_000)],
    ['scheme-like words', 'a://'.repeat(4_000)],
    ['query-like text', '?a=&'.repeat(4_000)],
    ['bearer repeated', 'bearer '.repeat(2_000)],
  ])('stays fast on hostile input: %s', (_name, input) => {
    // The suffix defeats the fast path for strings that cannot hold a secret, so every pattern runs.
    expect(typeof redactString(`${input} =1@`)).toBe('string');
  });

  it('returns a marker instead of throwing for a non-string from untyped callers', () => {
    expect(redactString({} as unknown as string)).toBe('[Unredactable]');
  });
});
