import { REDACTED } from './constants';

/*
 * Phone numbers and US Social Security numbers in free text (DESIGN §7). Shapes, never bare digit runs: a
 * plain 9–10 digit run is as often an order number, an epoch or a build number as a phone number, so it is
 * taken only right after a phone word ("call 4155550132"). Like the passes in redact-string.ts, every
 * pattern is anchored on a literal or bounded, and none uses lookbehind (Safari < 16.4 rejects the bundle).
 * Each keeps the character before the match (`$1`), which only exists to stop matches inside longer tokens
 * (`ORD-415-555-0132`, `v1.415.555.0132`).
 */
// `+`, a country code, 7–15 digits in all, at most two separators between digits (E.164 as people type it).
const INTERNATIONAL = /(^|[^\w+])\+[1-9](?:[ .()/-]{0,2}\d){6,14}(?!\w)/g;
// North American: (415) 555-0132, 415-555-0132, 415.555.0132, 415 555 0132, 1-800-555-0199. Area code and
// exchange start with 2–9, which keeps dates (2024-01-15), times and versions out.
const NANP = /(^|[^\w.+-])(?:1[ .-])?(?:\([2-9]\d\d\) ?|[2-9]\d\d[ .-])[2-9]\d\d[ .-]\d{4}(?![\w-]|\.\d)/g;
// SSN: 078-05-1120 or 078 05 1120 (one separator kind); area never 000, 666 or 9xx, group never 00,
// serial never 0000 — the numbers the SSA never issues, so those stay as they are.
const SSN = /(^|[^\w.-])(?!000|666|9)\d{3}([ -])(?!00)\d{2}\2(?!0000)\d{4}(?![\w-]|\.\d)/g;
// A phone word, up to three spaces or punctuation marks, then a number of 7–20 characters.
const LABELLED =
  /\b(phone|tel|telephone|mobile|cell|fax|call|sms|whatsapp)(\b[^\w\n]{0,3})\+?\d[\d .()-]{5,18}\d/gi;
// True for every string one of the patterns above can match (a `+` before a digit, the `dd[sep]dddd` end
// of the separated forms, or a phone word) and for few others: most text skips the four scans.
const MAYBE = /\+[1-9]|\d[ .-]\d{4}(?!\d)|phone|tel|mobile|cell|fax|call|sms|whatsapp/i;

/** False only when none of the phone/SSN patterns can match `s`: the pre-check of the pass. @internal */
export function mayHoldPhoneNumber(s: string): boolean {
  return MAYBE.test(s);
}

/** The phone/SSN pass without its pre-check (for the pre-check's property test). @internal */
export function redactPhoneNumbersAlways(s: string): string {
  return s
    .replace(INTERNATIONAL, `$1${REDACTED}`)
    .replace(NANP, `$1${REDACTED}`)
    .replace(SSN, `$1${REDACTED}`)
    .replace(LABELLED, `$1$2${REDACTED}`);
}

/**
 * Replaces phone numbers (international `+…`, North American forms, or any number right after a phone word
 * such as `call`, `tel:`, `mobile`) and US Social Security numbers (`078-05-1120`) in free text with
 * `'[REDACTED]'`. Order numbers, timestamps, dates, version strings and prices are left alone. @internal
 * @example redactPhoneNumbers('call me at (415) 555-0132') // 'call me at [REDACTED]'
 */
export function redactPhoneNumbers(s: string): string {
  return MAYBE.test(s) ? redactPhoneNumbersAlways(s) : s;
}
