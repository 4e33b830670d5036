// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createUmamiClient, type UmamiDeps } from './create-umami';

// Only this module's own types: the test does not depend on where the transport lives.
type Transport = UmamiDeps['transport'];

const WEBSITE = '4f6d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';
// happy-dom's document origin; pushState refuses another one.
const HERE = new URL('/users/1', window.location.href).href;
const THERE = new URL('/users/2', window.location.href).href;

interface SentView {
  url: string;
  referrer?: string;
  data?: { route?: string };
}

/** A client on happy-dom's window whose transport records every body it is given. */
function setup() {
  window.history.replaceState(null, '', HERE);
  const bodies: string[] = [];
  const transport: Transport = {
    send: vi.fn(async (request: Parameters<Transport['send']>[0]) => {
      bodies.push(String(request.body));
      return { ok: true as const, status: 200 };
    }),
    drain: async () => {},
    close: () => {},
  };
  const client = createUmamiClient({
    options: { websiteId: WEBSITE, hostUrl: 'https://umami.example.com' },
    window,
    transport,
    isAllowed: () => true,
    getSessionId: () => 's',
    onDrop: () => {},
    onSent: () => {},
    log: () => {},
  });
  const views = (): SentView[] => bodies.map((b) => (JSON.parse(b) as { payload: SentView }).payload);
  return { client, views };
}

describe('Umami page views of the same URL', () => {
  it('lets one same-URL view through when it adds the route the first view lacked (router mounted late)', () => {
    const { client, views } = setup();
    client.pageView(HERE); // the tracker's own first view: no routes config, so no pattern
    client.pageView(HERE, { route: '/users/:id' }); // the router, mounted later, reports the same page

    expect(views().map((v) => [v.url, v.data?.route])).toEqual([
      [HERE, undefined],
      [HERE, '/users/:id'],
    ]);
    // It is the same page, not a navigation from it: the referrer stays that of the landing view.
    expect(views()[1]?.referrer).toBe(views()[0]?.referrer);
  });

  it('also lets it through when the first view only had the catch-all route of a routes list', () => {
    const { client, views } = setup();
    client.pageView(HERE, { route: 'other' }); // `routes` config without this page's pattern
    client.pageView(HERE, { route: 'other' });
    client.pageView(HERE, { route: '/users/:id' });

    expect(views().map((v) => v.data?.route)).toEqual(['other', '/users/:id']);
  });

  it('adds the route exactly once: later same-URL views, with or without a route, are deduplicated', () => {
    const { client, views } = setup();
    client.pageView(HERE);
    client.pageView(HERE, { route: '/users/:id' });
    client.pageView(HERE, { route: '/users/:id' });
    client.pageView(HERE, { route: '/other/:x' });
    client.pageView(HERE);

    expect(views()).toHaveLength(2);
  });

  it('still deduplicates a same-URL view that brings no new route (history hook and router together)', () => {
    const { client, views } = setup();
    client.pageView(HERE, { route: '/users/:id' });
    client.pageView(HERE, { route: '/users/:id' });
    client.pageView(HERE);
    // Positive control: a view of another URL is sent, so the probe sees what goes out.
    client.pageView(THERE, { route: '/users/:id' });

    expect(views().map((v) => v.url)).toEqual([HERE, THERE]);
    expect(views()[1]?.referrer).toBe(HERE);
  });

  it('never deduplicates custom events against page views', () => {
    const { client, views } = setup();
    client.pageView(HERE);
    client.event('signup');
    client.event('signup');

    expect(views()).toHaveLength(3);
  });
});
