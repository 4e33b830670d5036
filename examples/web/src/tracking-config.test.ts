import { describe, expect, it } from 'vitest';
import { routeFor } from './routes';
import { buildTrackerConfig, DEMO_WEBSITE_ID } from './tracking-config';

describe('buildTrackerConfig', () => {
  it('points the ingestion API, Umami and OpenReplay at the page origin, telemetry under a path no script URL shares', () => {
    const config = buildTrackerConfig({ origin: 'http://127.0.0.1:4000', protocol: 'http:' });
    expect(config.endpoint).toBe('http://127.0.0.1:4000/telemetry');
    expect(config.umami).toEqual({ websiteId: DEMO_WEBSITE_ID, hostUrl: 'http://127.0.0.1:4000/telemetry' });
    expect(config.replay?.ingestPoint).toBe('http://127.0.0.1:4000/ingest');
    expect(config.propagateToOrigins).toEqual(['http://127.0.0.1:4000']);
    // A script URL of the app must not contain the endpoint (the tracker would drop its global errors).
    expect('http://127.0.0.1:4000/assets/index-abc.js'.includes(config.endpoint)).toBe(false);
  });

  it('turns off OpenReplay secure mode only on plain http', () => {
    expect(
      buildTrackerConfig({ origin: 'http://localhost:4000', protocol: 'http:' }).replay
        ?.__DISABLE_SECURE_MODE,
    ).toBe(true);
    expect(
      buildTrackerConfig({ origin: 'https://demo.example', protocol: 'https:' }).replay
        ?.__DISABLE_SECURE_MODE,
    ).toBe(false);
  });
});

describe('the replay sanitization rules file', () => {
  it('is a rules file the tracker accepts: version 1 with CSS selectors', () => {
    const { replay } = buildTrackerConfig({ origin: 'http://localhost:4000', protocol: 'http:' });
    expect(replay?.sanitization).toEqual({
      version: 1,
      mask: ['[data-private]', '.customer-name'],
      ignore: ['[data-replay-ignore]'],
    });
  });
});

describe('routeFor', () => {
  it('maps concrete paths onto the route patterns and the rest onto other', () => {
    expect(routeFor('/users/42')).toBe('/users/:id');
    expect(routeFor('/checkout')).toBe('/checkout');
    expect(routeFor('/nope/deeper')).toBe('other');
  });
});
