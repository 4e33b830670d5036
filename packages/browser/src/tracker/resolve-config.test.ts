import { describe, expect, it } from 'vitest';
import { resolveConfig } from './resolve-config';

describe('resolveConfig', () => {
  it('applies defaults', () => {
    const r = resolveConfig({ endpoint: 'https://api.example.com/' });
    expect(r).toMatchObject({
      endpoint: 'https://api.example.com',
      respectDoNotTrack: true,
      flushIntervalMs: 5000,
      maxQueueBytes: 262144,
      vitalsSampleRate: 1,
      errors: { captureGlobal: true, maxPerSession: 100 },
    });
  });

  it('accepts an environment; false turns features off', () => {
    const r = resolveConfig({
      endpoint: 'https://api.example.com',
      environment: 'qa',
      webVitals: false,
      errors: false,
    });
    expect(r).toMatchObject({ vitalsSampleRate: undefined, errors: undefined });
  });

  it.each([
    [null],
    ['https://api.example.com'],
    [{ endpoint: 'ftp://x' }],
    [{ endpoint: 'https://a', environment: '' }],
    [{ endpoint: 'https://a', release: 3 }],
    [{ endpoint: 'https://a', routes: [1] }],
    [{ endpoint: 'https://a', consent: 'yes' }],
    [{ endpoint: 'https://a', propagateToOrigins: 'https://a' }],
    [{ endpoint: 'https://a', replay: { projectKey: '', ingestPoint: 'https://o' } }],
    [{ endpoint: 'https://a', webVitals: { sampleRate: -1 } }],
    [{ endpoint: 'https://a', errors: 'yes' }],
    [{ endpoint: 'https://a', transport: { flushIntervalMs: Number.NaN } }],
    [{ endpoint: 'https://a', transport: { maxQueueBytes: 10 } }],
    [{ endpoint: 'https://a', transport: 'x' }],
  ])('explains why %j is invalid', (config) => {
    expect(typeof resolveConfig(config)).toBe('string');
  });
});
