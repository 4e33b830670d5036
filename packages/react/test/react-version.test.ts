import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

// The package's tests run twice (vitest.config.ts: React 19; vitest.react18.config.ts: React 18.3). This
// proves each run really has the React it claims, and one React, not a mix.
describe('the React under test', () => {
  it('is the major version this run was configured for, for react and react-dom alike', () => {
    const expected = (process.env as Record<string, string | undefined>).USERMETRICS_REACT_MAJOR;
    expect(expected, 'set by the vitest config').toMatch(/^\d+$/);
    expect(version.split('.')[0]).toBe(expected);
    expect(domVersion).toBe(version);
  });
});
