import { describe, expect, it } from 'vitest';
import { luhnCheck } from './luhn';

describe('luhnCheck', () => {
  it.each(['4111111111111111', '378282246310005', '6011111111111117', '4222222222222', '79927398713'])(
    'accepts the valid number %s',
    (digits) => {
      expect(luhnCheck(digits)).toBe(true);
    },
  );

  it.each(['4111111111111112', '378282246310006', '1234567812345678', '79927398710'])(
    'rejects the invalid number %s',
    (digits) => {
      expect(luhnCheck(digits)).toBe(false);
    },
  );

  it('ignores spaces and dashes between groups', () => {
    expect(luhnCheck('4111 1111-1111 1111')).toBe(true);
  });

  it.each(['', '0', '4111x111111111111', '４１１１', '-', '  '])(
    'returns false for %j instead of throwing',
    (input) => {
      expect(luhnCheck(input)).toBe(false);
    },
  );

  it('returns false for a non-string from untyped callers', () => {
    expect(luhnCheck(4111111111111111 as unknown as string)).toBe(false);
  });
});
