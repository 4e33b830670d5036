import { REDACTED } from './constants';
import { isSensitiveName } from './sensitive-keys';

// Only the separators are searched; the key is read backwards from each one. A `key[:=]` regex would
// retry up to 64 key characters at every position of long words, which hostile input can exploit.
const SEPARATOR = /[:=]/g;

/*
 * Values, tried at the first non-blank after the separator. Quoted strings may be unterminated (the text
 * was cut) and are then redacted to the end; `\"…\"` is a JSON string inside a JSON string. Unquoted
 * values stop at the usual delimiters, so `password=x&lang=en` keeps `lang`, and an optional auth scheme
 * is kept: `Authorization: Bearer [REDACTED]`.
 */
const VALUE =
  /"(?:[^"\\]|\\.)*(?:"|$)|\\"(?:[^"\\]|\\(?!"))*(?:\\"|$)|'(?:[^'\\]|\\.)*(?:'|$)|(?:(?:bearer|basic)[ \t]+)?[^\s,;&"'<>{}()[\]\\]+/iy;
// A Cookie header holds many `name=value` pairs and every one may be a session: redact to end of line.
const LINE_VALUE = /[^\r\n"'\\]+/y;
const COOKIE = /^(?:set-?)?cookie$/i;
const LEADING_QUOTE = /^\\?["']/;
const QUOTE_OR_ESCAPE = /["'\\]/;
const SCHEME = /^(?:bearer|basic)[ \t]+/i;

function isKeyChar(c: number): boolean {
  // [A-Za-z0-9_.-]
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function mask(value: string): string {
  const quote = LEADING_QUOTE.exec(value)?.[0];
  if (quote)
    return value.length > quote.length && value.endsWith(quote) ? quote + REDACTED + quote : quote + REDACTED;
  const scheme = SCHEME.exec(value)?.[0];
  return scheme ? scheme + REDACTED : REDACTED;
}

/**
 * Redacts the value of every `key=value`, `key: value`, `"key":"value"` or `\"key\":\"value\"` pair whose
 * key is sensitive, keeping the key so the text stays readable.
 */
export function redactPairs(s: string, extra: ReadonlySet<string> | undefined): string {
  let out = '';
  let last = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(s); m !== null; m = SEPARATOR.exec(s)) {
    const sep = m.index;
    if (s.charCodeAt(sep + 1) === 61) {
      // `==` is a comparison, not an assignment.
      SEPARATOR.lastIndex = sep + 2;
      continue;
    }
    let end = sep;
    while (end > last && isBlank(s.charCodeAt(end - 1))) end--;
    const q = s.charCodeAt(end - 1);
    if (end > last && (q === 34 || q === 39)) end -= s.charCodeAt(end - 2) === 92 ? 2 : 1;
    let start = end;
    while (start > last && end - start < 64 && isKeyChar(s.charCodeAt(start - 1))) start--;
    // Longer than 64 characters or glued to the previous value: a word, not a key.
    if (start === end || (start > 0 && isKeyChar(s.charCodeAt(start - 1)))) continue;
    const key = s.slice(start, end);
    if (!isSensitiveName(key, extra)) continue;
    let at = sep + 1;
    while (isBlank(s.charCodeAt(at))) at++;
    const quoted = QUOTE_OR_ESCAPE.test(s[at] ?? '');
    const pattern = !quoted && COOKIE.test(key) ? LINE_VALUE : VALUE;
    pattern.lastIndex = at;
    const value = pattern.exec(s)?.[0];
    if (!value) continue;
    out += s.slice(last, at) + mask(value);
    last = at + value.length;
    SEPARATOR.lastIndex = last;
  }
  return last === 0 ? s : out + s.slice(last);
}
