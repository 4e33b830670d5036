import { describe, expect, it } from 'vitest';
import type { Transport } from '../transport/create-transport';
import type { TransportRequest } from '../transport/types';
import { holdSends } from './hold-sends';

function recordingTransport() {
  const sent: string[] = [];
  const transport: Transport = {
    send: async (request: TransportRequest) => {
      sent.push(request.body);
      return { ok: true, status: 200 };
    },
    drain: async () => {},
    close: () => {},
  };
  return { sent, transport };
}
const request = (body: string): TransportRequest => ({
  url: 'https://api.example.com/x',
  body,
  contentType: 'text/plain',
});

describe('holdSends', () => {
  it('holds sends until release, then sends them in order and resolves each with its outcome', async () => {
    const { sent, transport } = recordingTransport();
    const held = holdSends(transport);
    const first = held.transport.send(request('a'));
    const second = held.transport.send(request('b'));
    await Promise.resolve();
    expect(sent).toEqual([]);
    held.release();
    expect(sent).toEqual(['a', 'b']);
    await expect(first).resolves.toEqual({ ok: true, status: 200 });
    await expect(second).resolves.toEqual({ ok: true, status: 200 });
  });

  it('sends straight through after release', () => {
    const { sent, transport } = recordingTransport();
    const held = holdSends(transport);
    held.release();
    void held.transport.send(request('now'));
    expect(sent).toEqual(['now']);
    held.release();
    expect(sent).toEqual(['now']);
  });
});
