import { REDACTED } from './constants';

// `%40` is how `@` appears inside URLs.
const AT = /@|%40/gi;
// The TLD must be letters, so `react@18.2.0` and `node@20` survive.
const DOMAIN = /[a-z\d](?:[a-z\d-]{0,62}\.)+[a-z]{2,24}/iy;
// RFC 5322 atext without the characters that usually sit just before an address in text (`to=jane@…`,
// `'jane@…'`, `/users/jane@…`, `?jane@…`, `&jane@…`), so the key or path in front survives.
const NARROW = '!#$%*+^`{|}~-._';
// Full atext, used only when the narrow scan finds nothing (`=@example.com` is a valid address).
const WIDE = "!#$%*+^`{|}~-._'=/?&";

function scanLocalPart(s: string, at: number, floor: number, extra: string): number {
  let start = at;
  // RFC 5321 caps the local part at 64 characters; the bound also keeps hostile input linear.
  while (start > floor && at - start < 64) {
    const c = s.charCodeAt(start - 1);
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (!alnum && !extra.includes(s[start - 1] as string)) break;
    start--;
  }
  return start;
}

/**
 * Replaces e-mail addresses with `[REDACTED]`. Finds each `@` (or `%40`) and reads the address outwards,
 * which stays linear and, unlike one regex that consumes a delimiter before each match, also catches
 * addresses that follow one another without a space.
 */
export function redactEmails(s: string): string {
  let out = '';
  let last = 0;
  AT.lastIndex = 0;
  for (let m = AT.exec(s); m !== null; m = AT.exec(s)) {
    DOMAIN.lastIndex = m.index + m[0].length;
    if (!DOMAIN.test(s)) continue;
    let start = scanLocalPart(s, m.index, last, NARROW);
    if (start === m.index) start = scanLocalPart(s, m.index, last, WIDE);
    if (start === m.index) continue;
    out += s.slice(last, start) + REDACTED;
    last = DOMAIN.lastIndex;
    AT.lastIndex = last;
  }
  return last === 0 ? s : out + s.slice(last);
}
