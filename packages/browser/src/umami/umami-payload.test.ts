// @vitest-environment happy-dom
import { UMAMI_LIMITS } from '@usermetrics/core';
import { describe, expect, it } from 'vitest';
import {
  buildUmamiPayload,
  isPlainObject,
  isValidEventName,
  readUmamiPage,
  toUmamiUrl,
} from './umami-payload';

const WEBSITE = '4f6d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';
const page = {
  hostname: 'app.example',
  language: 'en-US',
  screen: '1920x1080',
  title: 'Home',
  url: 'https://app.example/',
};

describe('Umami payload rules (DESIGN §6)', () => {
  it('accepts ordinary names and refuses formula triggers, empty and over-long names', () => {
    expect(isValidEventName('signup')).toBe(true);
    expect(isValidEventName('x'.repeat(50))).toBe(true);
    for (const bad of ['=1', '+1', '-1', '@a', '\ta', '\ra', '', '   ', 'x'.repeat(51), 42]) {
      expect(isValidEventName(bad)).toBe(false);
    }
  });

  it('only plain objects count as data', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const bad of [[1], new Map(), new Date(), null, 'x', new (class A {})()])
      expect(isPlainObject(bad)).toBe(false);
  });

  it('sanitizes URLs: fragment, credentials and sensitive params gone, http(s) only', () => {
    expect(toUmamiUrl('https://u:p@app.example/cb?code=abc&lang=en#t=1', 'https://app.example/')).toBe(
      'https://app.example/cb?code=[REDACTED]&lang=en',
    );
    expect(toUmamiUrl('/relative?x=1', 'https://app.example/base')).toBe('https://app.example/relative?x=1');
    expect(toUmamiUrl('javascript:alert(1)', 'https://app.example/')).toBeUndefined();
    expect(toUmamiUrl('ftp://files.example/x', 'https://app.example/')).toBeUndefined();
  });

  it('keeps path ≤ 500 and drops a query over 500 instead of cutting it mid-parameter', () => {
    const long = toUmamiUrl(
      `https://app.example/${'p'.repeat(900)}?${'q=1&'.repeat(200)}`,
      'https://app.example/',
    );
    const url = new URL(long ?? '');
    expect(url.pathname.length).toBeLessThanOrEqual(UMAMI_LIMITS.urlPathAndHash);
    expect(url.search).toBe('');
    // positive control: a short query survives
    expect(new URL(toUmamiUrl('https://app.example/a?q=1', 'https://app.example/') ?? '').search).toBe(
      '?q=1',
    );
  });

  it('cuts page facts to Umami limits', () => {
    document.title = 'T'.repeat(900);
    const facts = readUmamiPage(
      document,
      { language: 'x'.repeat(80) } as Navigator,
      {
        width: 1234567,
        height: 7654321,
      } as Screen,
    );
    expect(facts.title.length).toBeLessThanOrEqual(UMAMI_LIMITS.title);
    expect(facts.language.length).toBe(UMAMI_LIMITS.language);
    expect(facts.screen.length).toBeLessThanOrEqual(UMAMI_LIMITS.screen);
    expect(facts.hostname.length).toBeLessThanOrEqual(UMAMI_LIMITS.hostname);
  });

  it('builds {type:"event", payload} with sessionId in data, redacted data and no empty referrer', () => {
    const built = buildUmamiPayload({
      websiteId: WEBSITE,
      page: { ...page, referrer: '' },
      sessionId: 's-1',
      name: 'buy',
      data: { sku: 'A1', email: 'jane@example.com' },
    });
    expect(built).toEqual({
      type: 'event',
      payload: {
        website: WEBSITE,
        ...page,
        name: 'buy',
        data: { sku: 'A1', email: '[REDACTED]', sessionId: 's-1' },
      },
    });
  });

  it('refuses a non-UUID website, a bad name or non-plain data', () => {
    expect(buildUmamiPayload({ websiteId: 'nope', page, sessionId: 's' })).toHaveProperty('invalid');
    expect(buildUmamiPayload({ websiteId: WEBSITE, page, sessionId: 's', name: '=x' })).toHaveProperty(
      'invalid',
    );
    expect(buildUmamiPayload({ websiteId: WEBSITE, page, sessionId: 's', data: [1] })).toHaveProperty(
      'invalid',
    );
    expect(buildUmamiPayload({ websiteId: WEBSITE, page, sessionId: 's' })).toHaveProperty('type', 'event');
  });
});
