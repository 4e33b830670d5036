import { MARKERS, REDACTED } from './constants';
import { luhnCheck } from './luhn';
import { redactEmails } from './redact-emails';
import { redactPairs } from './redact-pairs';
import { redactPhoneNumbers } from './redact-phone-numbers';
import { safeDecode } from './safe-decode';
import { isSensitiveParamNormalized, normalizeKey, toKeySet } from './sensitive-keys';
import type { RedactOptions } from './types';

/** Default of {@link RedactOptions.maxStringLength}. */
export const DEFAULT_MAX_STRING_LENGTH = 16_384;

/*
 * Every pattern below is anchored on a literal or bounded, so the cost stays linear on hostile input
 * (the ingestion handlers redact text sent by strangers). No lookbehind: Safari before 16.4 rejects the
 * whole bundle at parse time if one appears.
 */
// What a match of any pass below needs: one of these literals, or a digit run long enough to be a card
// (the only pass plain digits can start). Without them a string is returned as it is: most log values
// (`o-12345`, `c-77`, words) skip every pass.
const MAYBE_SECRET = /[@:=]|%40|eyj|bearer|basic|a[ks]ia|-----/i;
const MAYBE_CARD = /\d[\d -]{11,}\d/;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const URL_CREDENTIALS = /(\b[a-z][\w+.-]{0,20}:\/\/)[^\s/?#@"'<>]+@/gi;
// Token characters plus a digit/symbol or 16+ characters, so prose ("Basic settings") is left alone.
const AUTH_SCHEME = /\b(bearer|basic)\s+(?=[\w~+/.=-]*[\d~+/.=_-]|[\w~+/.=-]{16})[\w~+/.=-]+/gi;
// The header of a JWT is base64url JSON, so it always starts with `eyJ` (`{"`). Not inside a longer
// base64url run: with `-eyJ-eyJ…` every candidate would rescan the rest of the run (quadratic).
const JWT = /(^|[^\w-])eyJ[\w-]{4,}\.[\w-]{4,}(?:\.[\w-]+)*/g;
const QUERY_PARAM = /([?&;])([^=&#\s"'<>?]{1,64})=([^&#\s"'<>]*)/g;
const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z\d]{16}\b/g;
// 13+ characters of digits, spaces and dashes; the callback finds the card inside. A plain class loop: a
// quantified group `(?:[ -]?\d)+` keeps backtracking state per digit and slows down on long runs.
const DIGIT_RUN = /\d[\d -]{11,}\d/g;
// The end of a cut string may hold half a secret the patterns no longer recognise: drop it.
const PARTIAL_TAIL = /[\d -]*[^\s"',;<>()[\]{}]*$/;

/** Whether a digit string is a plausible payment card number: 13–19 digits, issuer 2–6, Luhn-valid. */
export function isCardNumber(digits: string): boolean {
  const first = digits.charCodeAt(0);
  // Payment card numbers start with 2–6 (Mastercard 2-series, Amex/JCB/Diners, Visa, Mastercard/Maestro,
  // Discover/UnionPay). Excluding 1 keeps epoch milliseconds, which are also 13 digits, out.
  return digits.length >= 13 && digits.length <= 19 && first >= 50 && first <= 54 && luhnCheck(digits);
}

function redactCards(run: string, offset: number, text: string): string {
  // Digits glued to letters or a decimal point are identifiers or measurements, not card numbers.
  const before = text[offset - 1] ?? ' ';
  const after = text[offset + run.length] ?? ' ';
  if (/[\w.]/.test(before) || /[\w.]/.test(after)) return run;
  // Groups of digits between single separators (an empty group: two separators in a row); a card may sit
  // inside a longer run ("ref 12 4111 1111 1111 1111"). One index scan, no split: linear in the run (#18).
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  for (let k = 0; k <= run.length; k++) {
    const c = k < run.length ? run.charCodeAt(k) : 32;
    if (c === 32 || c === 45) {
      starts.push(from);
      ends.push(k);
      from = k + 1;
    }
  }
  let out = '';
  let copied = 0;
  let g = 0;
  while (g < starts.length) {
    const found = cardEndingGroup(run, starts, ends, g);
    if (found >= 0) {
      out += run.slice(copied, starts[g]) + REDACTED;
      copied = ends[found] as number;
      g = found + 1;
    } else g++;
  }
  return copied === 0 ? run : out + run.slice(copied);
}

/**
 * The last group of the longest card number starting at group `g`, or -1. Luhn is kept incrementally for
 * both parities (which digits are doubled depends on the final length), so each start reads at most 20
 * digits once: the whole scan is linear however many groups a hostile run has.
 */
function cardEndingGroup(run: string, starts: number[], ends: number[], g: number): number {
  // A card starts with an issuer digit 2–6 (see isCardNumber); an empty group reads a separator here.
  const issuer = run.charCodeAt(starts[g] as number);
  if (!(issuer >= 50 && issuer <= 54)) return -1;
  let evenDoubled = 0;
  let oddDoubled = 0;
  let n = 0;
  let found = -1;
  for (let j = g; j < starts.length && n <= 19; j++) {
    const end = ends[j] as number;
    let k = starts[j] as number;
    // Two separators in a row end a card ("12 - 34" is not one number).
    if (k === end) break;
    for (; k < end && n <= 19; k++) {
      const d = run.charCodeAt(k) - 48;
      const twice = d * 2 > 9 ? d * 2 - 9 : d * 2;
      if (n % 2 === 0) {
        evenDoubled += twice;
        oddDoubled += d;
      } else {
        evenDoubled += d;
        oddDoubled += twice;
      }
      n++;
    }
    // With an even length the digits at even positions (from the left) are the doubled ones.
    if (k === end && n >= 13 && n <= 19 && (n % 2 === 0 ? evenDoubled : oddDoubled) % 10 === 0) found = j;
  }
  return found;
}

/** Cuts `s` to at most `max` characters without leaving part of a secret at the end. */
export function cutClean(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const keep = Math.max(0, cut.length - 200);
  return cut.slice(0, keep) + cut.slice(keep).replace(PARTIAL_TAIL, '');
}

/**
 * False only when no pass of {@link redactPasses} can match `s` (each needs a literal tested here, or a
 * 13+ character digit run): the pre-check that lets most strings skip redaction. @internal
 */
export function mayHoldSecret(s: string): boolean {
  return MAYBE_SECRET.test(s) || (s.length > 12 && MAYBE_CARD.test(s));
}

/** {@link redactString} with options already normalised, for the hot loop of {@link redact}. */
export function redactText(input: string, maxLength: number, extra: ReadonlySet<string> | undefined): string {
  const s = input.length > maxLength ? cutClean(input, maxLength) + MARKERS.truncated : input;
  // Phone numbers and SSNs have their own pre-check (most digit-bearing text skips them).
  return redactPhoneNumbers(mayHoldSecret(s) ? redactPasses(s, extra) : s);
}

/** Every redaction pass over an already cut string, without the pre-check. @internal */
export function redactPasses(s: string, extra: ReadonlySet<string> | undefined): string {
  // includes() is far cheaper than a failing scan of the patterns that need a rare literal.
  const at = s.includes('@');
  let out = s.includes('-----') ? s.replace(PEM_PRIVATE_KEY, REDACTED) : s;
  if (at) out = out.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  out = redactPairs(out, extra).replace(AUTH_SCHEME, `$1 ${REDACTED}`);
  if (out.includes('eyJ')) out = out.replace(JWT, `$1${REDACTED}`);
  if (out.includes('='))
    out = out.replace(QUERY_PARAM, (all, lead: string, name: string) =>
      isSensitiveParamNormalized(normalizeKey(safeDecode(name)), extra) ? `${lead}${name}=${REDACTED}` : all,
    );
  out = out.replace(AWS_ACCESS_KEY_ID, REDACTED);
  if (at || out.includes('%40')) out = redactEmails(out);
  return out.replace(DIGIT_RUN, redactCards);
}

/**
 * Removes personal data and secrets from free text: e-mail addresses (also `%40`-encoded), Luhn-valid
 * card numbers (13–19 digits, spaces or dashes allowed), JWTs, `Bearer`/`Basic` credentials (the scheme
 * word is kept), AWS access key ids, PEM private keys, `user:pass@` in URLs, values of sensitive
 * `key=value` / `key: value` / `"key":"value"` pairs (see {@link isSensitiveKey}) and of sensitive query
 * parameters in URLs (see {@link isSensitiveParam}). Each becomes `'[REDACTED]'`.
 *
 * Strings longer than `maxStringLength` are cut first, so huge inputs stay cheap, and end with
 * `'…[truncated]'`. Idempotent. Never throws.
 * @example redactString('login failed for jane@example.com, password=hunter2')
 * // 'login failed for [REDACTED], password=[REDACTED]'
 */
export function redactString(s: string, options?: RedactOptions): string {
  try {
    if (typeof s !== 'string') return MARKERS.unredactable;
    const max = options?.maxStringLength;
    const maxLength = typeof max === 'number' && max >= 0 ? Math.floor(max) : DEFAULT_MAX_STRING_LENGTH;
    return redactText(s, maxLength, toKeySet(options?.extraSensitiveKeys));
  } catch {
    return MARKERS.unredactable;
  }
}
