import { describe, expect, it } from 'vitest';
import { detectEnvironment, resolveConfig } from './resolve-config';

describe('resolveConfig', () => {
  it('applies defaults', () => {
    const r = resolveConfig({ endpoint: 'https://api.example.com/' }, 'app.example.com');
    expect(r).toMatchObject({
      endpoint: 'https://api.example.com',
      environment: 'production',
      respectDoNotTrack: true,
      flushIntervalMs: 5000,
      maxQueueBytes: 262144,
      vitalsSampleRate: 1,
      errors: { captureGlobal: true, maxPerSession: 100 },
    });
  });

  it('an explicit environment wins over detection; false turns features off', () => {
    const r = resolveConfig(
      { endpoint: 'https://api.example.com', environment: 'qa', webVitals: false, errors: false },
      'localhost',
    );
    expect(r).toMatchObject({ environment: 'qa', vitalsSampleRate: undefined, errors: undefined });
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
    expect(typeof resolveConfig(config, undefined)).toBe('string');
  });
});

describe('detectEnvironment', () => {
  it.each([
    ['localhost', 'development'],
    ['127.0.0.1', 'development'],
    ['myapp.local', 'development'],
    ['staging.app.example', 'staging'],
    ['app-staging.example.com', 'staging'],
    ['app.example.com', 'production'],
    ['stagecoach.example.com', 'production'],
    [undefined, 'production'],
  ])('%s → %s', (host, env) => {
    expect(detectEnvironment(host)).toBe(env);
  });
});
