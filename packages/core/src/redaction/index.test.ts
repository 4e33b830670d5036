import { expect, it } from 'vitest';
import * as redaction from './index';

// Other packages code against these names (DESIGN §10: add, don't rename).
it('exports exactly the public redaction API', () => {
  expect(Object.keys(redaction).sort()).toEqual([
    'REDACTED',
    'isSensitiveKey',
    'isSensitiveParam',
    'luhnCheck',
    'redact',
    'redactString',
    'sanitizeUrl',
  ]);
  expect(redaction.REDACTED).toBe('[REDACTED]');
});
