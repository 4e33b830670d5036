import { describe, expect, it } from 'vitest';
import { validateUmamiPayload } from './validate-umami-payload';

const website = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const valid = {
  type: 'event',
  payload: {
    website,
    hostname: 'localhost',
    language: 'en-US',
    screen: '1280x720',
    title: 'Checkout',
    url: 'http://localhost:4000/checkout',
    referrer: '',
    data: { sessionId: 's-1' },
  },
};
const withPayload = (patch: Record<string, unknown>) => ({
  ...valid,
  payload: { ...valid.payload, ...patch },
});

describe('validateUmamiPayload', () => {
  it('accepts a page view as the Umami tracker sends it', () => {
    const result = validateUmamiPayload(valid);
    expect(result.ok).toBe(true);
    expect(result.ok && result.event).toMatchObject({
      type: 'event',
      website,
      url: 'http://localhost:4000/checkout',
    });
  });

  it.each([
    ['a non-uuid website', withPayload({ website: 'not-a-uuid' }), 'website must be a uuid'],
    ['a hostname over 100 characters', withPayload({ hostname: 'h'.repeat(101) }), 'hostname'],
    ['a language over 35 characters', withPayload({ language: 'l'.repeat(36) }), 'language'],
    ['a screen over 11 characters', withPayload({ screen: '123456x123456' }), 'screen'],
    ['a name over 50 characters', withPayload({ name: 'n'.repeat(51) }), 'name'],
    ['a formula-like name', withPayload({ name: '=HYPERLINK("x")' }), 'must not start with'],
    ['a tag starting with @', withPayload({ tag: '@cmd' }), 'tag'],
    ['a url that is not http(s)', withPayload({ url: 'javascript:alert(1)' }), 'http(s)'],
    ['a url with credentials', withPayload({ url: 'http://user:pw@host/' }), 'credentials'],
    ['a url over 2000 characters', withPayload({ url: `http://h/${'a'.repeat(2000)}` }), 'longer than 2000'],
    ['a path over 500 characters', withPayload({ url: `http://h/${'a'.repeat(500)}` }), 'path and hash'],
    ['a query over 500 characters', withPayload({ url: `http://h/?q=${'a'.repeat(500)}` }), 'query'],
    ['a referrer that is not http(s)', withPayload({ referrer: 'ftp://x/' }), 'referrer'],
    ['data that is an array', withPayload({ data: [1, 2] }), 'data must be a plain object'],
    ['an unknown type', { ...valid, type: 'click' }, 'type must be'],
    ['a missing payload', { type: 'event' }, 'payload must be an object'],
    ['a body that is not an object', 'x', 'body must be'],
  ])('rejects %s', (_label, body, reason) => {
    const result = validateUmamiPayload(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('accepts names at exactly 50 characters and relative urls', () => {
    expect(validateUmamiPayload(withPayload({ name: 'n'.repeat(50), url: '/checkout?x=1' })).ok).toBe(true);
  });
});
