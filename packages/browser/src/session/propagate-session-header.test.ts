// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { isPropagationTarget, propagateSessionHeader } from './propagate-session-header';

const seen: { url: string; sessionId: string | null }[] = [];
// A page-like window whose fetch records what would go on the wire.
const page = {
  location: { href: 'https://app.example/page' },
  XMLHttpRequest: window.XMLHttpRequest,
  fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ url: request.url, sessionId: request.headers.get('x-session-id') });
    return new Response('ok');
  },
} as unknown as Window;

describe('isPropagationTarget', () => {
  it('matches exact origins and RegExps against the origin only', () => {
    const origins = ['https://api.example.com', /^https:\/\/[a-z]+\.internal\.example$/g];
    expect(isPropagationTarget('https://api.example.com/v1/x', 'https://app.example', origins)).toBe(true);
    expect(isPropagationTarget('https://a.internal.example/x', 'https://app.example', origins)).toBe(true);
    // global RegExp: the same answer twice (lastIndex is reset)
    expect(isPropagationTarget('https://a.internal.example/x', 'https://app.example', origins)).toBe(true);
    expect(isPropagationTarget('https://api.example.com.evil.test/', 'https://app.example', origins)).toBe(
      false,
    );
    expect(isPropagationTarget('http://api.example.com/x', 'https://app.example', origins)).toBe(false);
    expect(isPropagationTarget('/relative', 'https://api.example.com/page', origins)).toBe(true);
    expect(isPropagationTarget('http://[bad', 'https://app.example', origins)).toBe(false);
  });
});

describe('propagateSessionHeader', () => {
  it('adds X-Session-Id to fetch only for allowed origins, and restores fetch', async () => {
    seen.length = 0;
    const original = page.fetch;
    const restore = propagateSessionHeader({
      window: page,
      origins: ['https://api.example.com'],
      getSessionId: () => 'sess-1',
      onError: vi.fn(),
    });
    expect(page.fetch).not.toBe(original);
    await page.fetch('https://api.example.com/orders');
    await page.fetch('https://third-party.example/pixel');
    await page.fetch(new Request('https://api.example.com/r', { headers: { 'X-Other': '1' } }));
    expect(seen).toEqual([
      { url: 'https://api.example.com/orders', sessionId: 'sess-1' },
      { url: 'https://third-party.example/pixel', sessionId: null },
      { url: 'https://api.example.com/r', sessionId: 'sess-1' },
    ]);
    restore();
    expect(page.fetch).toBe(original);
    seen.length = 0;
    await page.fetch('https://api.example.com/after');
    expect(seen).toEqual([{ url: 'https://api.example.com/after', sessionId: null }]);
  });

  it('never breaks the request when getting the session id throws', async () => {
    seen.length = 0;
    const onError = vi.fn();
    const restore = propagateSessionHeader({
      window: page,
      origins: ['https://api.example.com'],
      getSessionId: () => {
        throw new Error('boom');
      },
      onError,
    });
    const res = await page.fetch('https://api.example.com/still-works');
    expect(await res.text()).toBe('ok');
    expect(seen).toEqual([{ url: 'https://api.example.com/still-works', sessionId: null }]);
    expect(onError).toHaveBeenCalledWith('propagate.fetch', expect.any(Error));
    restore();
  });

  it('sets the header on XMLHttpRequest for allowed origins only, and restores open/send', () => {
    const proto = window.XMLHttpRequest.prototype;
    const originalOpen = proto.open;
    const setHeader = vi.spyOn(proto, 'setRequestHeader');
    const send = vi.spyOn(proto, 'send').mockImplementation(() => {});
    const restore = propagateSessionHeader({
      window: page,
      origins: [/^https:\/\/api\.example\.com$/],
      getSessionId: () => 'sess-x',
      onError: vi.fn(),
    });
    const allowed = new window.XMLHttpRequest();
    allowed.open('GET', 'https://api.example.com/a');
    allowed.send();
    const denied = new window.XMLHttpRequest();
    denied.open('GET', 'https://cdn.example.net/b');
    denied.send();
    expect(setHeader).toHaveBeenCalledTimes(1);
    expect(setHeader).toHaveBeenCalledWith('X-Session-Id', 'sess-x');
    restore();
    expect(proto.open).toBe(originalOpen);
    setHeader.mockRestore();
    send.mockRestore();
  });

  it('does nothing for an empty allowlist', () => {
    const original = page.fetch;
    propagateSessionHeader({ window: page, origins: [], getSessionId: () => 'x', onError: vi.fn() })();
    expect(page.fetch).toBe(original);
  });
});
