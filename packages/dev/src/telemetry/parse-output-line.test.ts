import { describe, expect, it } from 'vitest';
import { emfSamples, parseOutputLine } from './parse-output-line';

describe('parseOutputLine', () => {
  it('recognises an EMF document and flattens its metrics with dimension values', () => {
    const line = JSON.stringify({
      _aws: {
        Timestamp: 1767225600000,
        CloudWatchMetrics: [
          {
            Namespace: 'UserMetrics/Lambda',
            Dimensions: [
              ['functionName', 'environment'],
              ['functionName', 'environment', 'route'],
            ],
            Metrics: [
              { Name: 'Duration', Unit: 'Milliseconds' },
              { Name: 'Invocations', Unit: 'Count' },
            ],
          },
        ],
      },
      functionName: 'fn',
      environment: 'local',
      route: 'GET /x',
      Duration: [12.5, 3],
      Invocations: 1,
    });
    const parsed = parseOutputLine(line);
    expect(parsed.kind).toBe('emf');
    if (parsed.kind !== 'emf') return;
    expect(emfSamples(parsed.document)).toEqual([
      {
        namespace: 'UserMetrics/Lambda',
        name: 'Duration',
        unit: 'Milliseconds',
        values: [12.5, 3],
        dimensions: { functionName: 'fn', environment: 'local', route: 'GET /x' },
        timestamp: 1767225600000,
      },
      expect.objectContaining({ name: 'Invocations', values: [1], unit: 'Count' }),
    ]);
  });

  it('recognises a §4 log record', () => {
    const parsed = parseOutputLine('{"timestamp":"t","level":"INFO","message":"hi","sessionId":"s"}');
    expect(parsed).toEqual({
      kind: 'log',
      record: { timestamp: 't', level: 'INFO', message: 'hi', sessionId: 's' },
    });
  });

  it('keeps anything else as text', () => {
    expect(parseOutputLine('hello').kind).toBe('text');
    expect(parseOutputLine('{not json').kind).toBe('text');
    expect(parseOutputLine('[1,2]').kind).toBe('text');
    expect(parseOutputLine('{"a":1}').kind).toBe('text');
  });
});
