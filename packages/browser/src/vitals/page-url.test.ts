import { describe, expect, it } from 'vitest';
import { pageUrl } from './page-url';

describe('pageUrl (the web-vitals URL)', () => {
  it('keeps origin and path, drops query, fragment and credentials', () => {
    expect(pageUrl('https://user:pw@app.example/orders/42?token=abc&tab=2#access_token=xyz')).toBe(
      'https://app.example/orders/42',
    );
  });

  it('replaces path segments that may hold an e-mail, a card number or a JWT', () => {
    const out = pageUrl(
      'https://app.example/u/jane.doe@example.com/x/jane%40example.com/card/4111111111111111/t/eyJhbGciOi.eyJzdWIi.sig/ok',
    );
    // positive control: the ordinary segments around them survive
    expect(out).toBe('https://app.example/u/[REDACTED]/x/[REDACTED]/card/[REDACTED]/t/[REDACTED]/ok');
    for (const secret of ['jane', '4111', 'eyJ']) expect(out).not.toContain(secret);
  });

  it('gives an empty string for what is not an absolute URL', () => {
    expect(pageUrl('not a url')).toBe('');
  });
});
