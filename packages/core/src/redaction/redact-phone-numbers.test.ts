import { describe, expect, it } from 'vitest';
import { redactPhoneNumbers } from './redact-phone-numbers';
import { redactString } from './redact-string';

describe('redactPhoneNumbers', () => {
  it.each([
    ['international with spaces', 'call +44 20 7946 0958 today', 'call [REDACTED] today'],
    ['international, US, with parentheses', 'Phone +1 (415) 555-0132.', 'Phone [REDACTED].'],
    ['international, no separators', 'sms to +4915123456789', 'sms to [REDACTED]'],
    ['international, French pairs', 'joindre le +33 6 12 34 56 78', 'joindre le [REDACTED]'],
    ['tel: URI', '<a href="tel:+14155550132">', '<a href="tel:[REDACTED]">'],
    ['North American with parentheses', 'reach me at (415) 555-0132', 'reach me at [REDACTED]'],
    ['North American, dashed', 'support line 415-555-0132', 'support line [REDACTED]'],
    ['North American, dotted', 'fax 415.555.0132 please', 'fax [REDACTED] please'],
    ['North American, spaced', 'number 415 555 0132', 'number [REDACTED]'],
    ['toll-free with country prefix', 'dial 1-800-555-0199', 'dial [REDACTED]'],
    ['plain digits after a phone word', 'call 4155550132 now', 'call [REDACTED] now'],
    ['national format after a label', 'mobile: 020 7946 0958', 'mobile: [REDACTED]'],
    ['SSN, dashed', 'SSN 078-05-1120 on file', 'SSN [REDACTED] on file'],
    ['SSN, spaced', 'social security number 219 09 9999', 'social security number [REDACTED]'],
    ['SSN in JSON text', '{"note":"ssn is 123-45-6789"}', '{"note":"ssn is [REDACTED]"}'],
  ])('redacts %s', (_name, input, expected) => {
    expect(input, 'positive control: the input differs from the expected output').not.toBe(expected);
    expect(redactPhoneNumbers(input)).toBe(expected);
  });

  it.each([
    ['order numbers', 'ORD-415-555-0132, order 5510023344, INV-20240115-0042, #98213'],
    [
      'timestamps and dates',
      '2024-01-15 10:30:00, 2026-01-01T10:30:00.000Z, 01/15/2024, 15.01.2024, at 1767225600009',
    ],
    ['time ranges and offsets', '10:30-11:45 UTC+05:30, 2024-02-29T23:59:59+05:30'],
    [
      'version strings',
      '1.2.3, v10.2.3-beta.4, Chrome/131.0.6778.85, Windows 10.0.19045, 18.2.0-rc.1+build.5',
    ],
    ['prices', '$1,234.56, € 1.234,56, USD 4155.00, total 415.55 (tax 12.34), +12.5%'],
    [
      'numbers that only look like an SSN',
      'SKU 123-45-67890, 000-12-3456, 666-12-3456, 900-12-3456, 123-00-4567, 123-45-0000',
    ],
    [
      'other identifiers',
      'ZIP 94105-1234, ISBN 978-3-16-148410-0, 1920x1080, 192.168.100.200, 10.0.4.12:5432',
    ],
    ['phone words without a number', 'Maximum call stack size exceeded; callback 12345678; hotel 4155550132'],
    ['area codes starting with 0 or 1', '015-555-0132 and 115-555-0132'],
  ])('leaves %s alone', (_name, input) => {
    expect(redactPhoneNumbers(input)).toBe(input);
  });

  it('runs in every redaction entry point (redactString), with the other passes', () => {
    expect(redactString('jane@example.com called from (415) 555-0132 about SSN 078-05-1120')).toBe(
      '[REDACTED] called from [REDACTED] about SSN [REDACTED]',
    );
  });
});
