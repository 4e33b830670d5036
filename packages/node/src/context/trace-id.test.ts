import { describe, expect, it } from 'vitest';
import { readTraceId } from './trace-id';

describe('readTraceId', () => {
  it.each([
    [
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      '1-5759e988-bd862e3fe1be46a994272793',
    ],
    ['Parent=53995c3f42cd8ad8;Root=1-abc-def;Sampled=0', '1-abc-def'],
    ['Root=1-abc', '1-abc'],
    ['Root=1-a"b;Sampled=1', undefined],
    ['Sampled=1', undefined],
    ['', undefined],
  ])('%j → %j', (header, expected) => {
    expect(readTraceId({ _X_AMZN_TRACE_ID: header })).toBe(expected);
  });

  it('follows a header that changes between invocations', () => {
    expect(readTraceId({ _X_AMZN_TRACE_ID: 'Root=1-a' })).toBe('1-a');
    expect(readTraceId({ _X_AMZN_TRACE_ID: 'Root=1-b' })).toBe('1-b');
    expect(readTraceId({})).toBeUndefined();
  });
});
