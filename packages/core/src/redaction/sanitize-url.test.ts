import { describe, expect, it } from 'vitest';
import { REDACTED } from './constants';
import { sanitizeUrl } from './sanitize-url';

describe('sanitizeUrl', () => {
  it('keeps a clean URL byte for byte', () => {
    const url = 'https://app.example.com/products/42?page=2&sort=price%20asc';
    expect(sanitizeUrl(url)).toBe(url);
  });

  it('drops the fragment, where the OAuth implicit flow puts tokens', () => {
    expect(sanitizeUrl('https://app.example.com/cb#access_token=abc&state=x')).toBe(
      'https://app.example.com/cb',
    );
  });

  it('drops user:pass@ credentials and keeps the host and port', () => {
    expect(sanitizeUrl('https://admin:hunter2@db.example.com:8443/x')).toBe('https://db.example.com:8443/x');
  });

  it('drops credentials that contain an unencoded @', () => {
    expect(sanitizeUrl('https://me@corp:p@ss@host.example/')).toBe('https://host.example/');
  });

  it('drops credentials behind backslashes, which browsers read as slashes', () => {
    expect(sanitizeUrl('https:\\\\user:pass@evil.example/x')).not.toContain('pass');
  });

  it('redacts values of sensitive parameters and keeps their names', () => {
    expect(sanitizeUrl('https://x.example/cb?code=abc&state=xyz&lang=en')).toBe(
      `https://x.example/cb?code=${REDACTED}&state=${REDACTED}&lang=en`,
    );
  });

  it('redacts every occurrence of a repeated parameter', () => {
    expect(sanitizeUrl('/a?token=1&token=2&x=1&x=2')).toBe(`/a?token=${REDACTED}&token=${REDACTED}&x=1&x=2`);
  });

  it('recognises percent-encoded and differently cased parameter names', () => {
    expect(sanitizeUrl('/a?Access%5FToken=1&X-Amz-Signature=2')).toBe(
      `/a?Access%5FToken=${REDACTED}&X-Amz-Signature=${REDACTED}`,
    );
  });

  it('redacts e-mail addresses in encoded parameter values and in the path', () => {
    expect(sanitizeUrl('/users/jane@example.com/orders?cc=bob%40example.com')).toBe(
      `/users/${REDACTED}/orders?cc=${REDACTED}`,
    );
  });

  it('redacts a card number hidden by + encoding', () => {
    expect(sanitizeUrl('/pay?n=4111+1111+1111+1111&ok=1')).toBe(`/pay?n=${REDACTED}&ok=1`);
  });

  it('redacts sensitive parameters of a URL nested in a parameter', () => {
    const out = sanitizeUrl('/login?next=https%3A%2F%2Fx.example%2Fcb%3Fcode%3Dabc123');
    expect(out).not.toContain('abc123');
    expect(out.startsWith('/login?next=')).toBe(true);
  });

  it('applies extra sensitive parameter names', () => {
    expect(sanitizeUrl('/r?invite=abc', { sensitiveParams: ['invite'] })).toBe(`/r?invite=${REDACTED}`);
  });

  it.each([
    ['relative path', '/orders/123?page=2', '/orders/123?page=2'],
    ['query only', '?code=abc', `?code=${REDACTED}`],
    ['protocol-relative', '//cdn.example.com/a.js?sig=1', `//cdn.example.com/a.js?sig=${REDACTED}`],
    ['bare path', 'checkout/summary', 'checkout/summary'],
    ['mailto', 'mailto:jane@example.com', `mailto:${REDACTED}`],
    ['flag without value', '/a?debug&token', '/a?debug&token'],
    ['empty parameters', '/a?&&x=1&', '/a?&&x=1&'],
  ])('handles a %s', (_name, input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
  });

  it('keeps the result within maxLength and does not end in a broken escape', () => {
    const url = `https://app.example.com/${'a%20'.repeat(1000)}?q=${'x'.repeat(5000)}`;
    const out = sanitizeUrl(url, { maxLength: 102 });
    expect(out.length).toBeLessThanOrEqual(102);
    expect(out).not.toMatch(/%[\da-f]?$/i);
  });

  it('defaults maxLength to 2000 (Umami rejects longer URLs)', () => {
    expect(sanitizeUrl(`https://x.example/?q=${'y'.repeat(10_000)}`).length).toBeLessThanOrEqual(2000);
  });

  it('redacts secrets in very long URLs before cutting them', () => {
    const url = `https://x.example/${'p/'.repeat(3000)}?token=abcdef`;
    const out = sanitizeUrl(url, { maxLength: 100_000 });
    expect(out).toContain(`token=${REDACTED}`);
    expect(out).not.toContain('abcdef');
  });

  it.each([
    ['empty string', ''],
    ['only spaces', '   '],
    ['colons', '::::'],
    ['broken escapes', '/a?%%%=%E0%A4%A&%=%'],
    ['lone surrogate', '/a?x=\uD800&email=\uDC00'],
    ['control characters', 'https://x.example/\u0000\u001f?\u0007=1'],
    ['only a fragment', '#token=abc'],
  ])('returns a string for garbage input: %s', (_name, input) => {
    const out = sanitizeUrl(input);
    expect(typeof out).toBe('string');
    expect(out).not.toContain('token=abc');
  });

  it('returns an empty string for a non-string from untyped callers', () => {
    expect(sanitizeUrl(undefined as unknown as string)).toBe('');
    expect(sanitizeUrl({ href: 'x' } as unknown as string)).toBe('');
  });
});
