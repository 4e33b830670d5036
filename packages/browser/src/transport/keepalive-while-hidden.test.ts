import { describe, expect, it, vi } from 'vitest';
import type { Transport } from './create-transport';
import { keepaliveWhileHidden } from './keepalive-while-hidden';

describe('keepaliveWhileHidden', () => {
  it('asks for keepalive on requests sent while the page is hidden, not while it is visible', async () => {
    const send = vi.fn<Transport['send']>(async () => ({ ok: true, status: 200 }) as never);
    const transport: Transport = { send, drain: async () => {}, close: () => {} };
    const page: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
    const wrapped = keepaliveWhileHidden(transport, page);
    const request = { url: 'https://api.example/x', body: '{}', contentType: 'text/plain', readBody: true };
    const isAllowed = () => true;

    await wrapped.send(request, { isAllowed });
    page.visibilityState = 'hidden';
    await wrapped.send(request, { isAllowed });

    expect(send.mock.calls).toEqual([
      [{ ...request, keepalive: false }, { isAllowed }],
      [{ ...request, keepalive: true }, { isAllowed }],
    ]);
    expect(wrapped.drain).toBe(transport.drain);
    expect(wrapped.close).toBe(transport.close);
  });
});
