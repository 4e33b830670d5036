const PERCENT = 37;
const PLUS = /\+/g;

/** Value of one hex digit's char code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The byte of the `%XX` escape at `i`, or -1 when there is none. */
function byteAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== PERCENT) return -1;
  const high = hexValue(s.charCodeAt(i + 1));
  const low = hexValue(s.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

// Set by decodeAt: how many characters of input the decoded code point took.
let consumed = 0;

/**
 * The code point of the UTF-8 sequence of `%XX` escapes starting at `i`, or -1 when it is malformed (no hex
 * digits, a stray continuation byte, a truncated or overlong sequence, an encoded surrogate, above U+10FFFF):
 * the cases where `decodeURIComponent` throws.
 */
function decodeAt(s: string, i: number): number {
  const lead = byteAt(s, i);
  if (lead < 0) return -1;
  consumed = 3;
  if (lead < 0x80) return lead;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    else if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    else if (lead === 0xf4) max = 0x8f;
  } else return -1;
  let cp = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = byteAt(s, i + 3 * k);
    if (b < min || b > max) return -1;
    min = 0x80;
    max = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
  }
  consumed = 3 * length;
  return cp;
}

/**
 * `decodeURIComponent` of a URL component with `+` read as a space, that never throws and costs one pass:
 * each well-formed UTF-8 escape sequence is decoded, each malformed `%` is kept as it is (`decodeURIComponent`
 * would throw on the whole component, and a thrown error costs microseconds of stack capture, which hostile
 * input could repeat thousands of times per request — #18). Where `decodeURIComponent` succeeds, the result
 * is the same.
 * @example safeDecode('a%40b+c%ZZ%E0%A4') // 'a@b c%ZZ%E0%A4'
 */
export function safeDecode(s: string): string {
  let at = s.indexOf('%');
  if (at < 0) return s.includes('+') ? s.replace(PLUS, ' ') : s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const cp = decodeAt(s, at);
    if (cp < 0) {
      at = s.indexOf('%', at + 1);
      continue;
    }
    out += s.slice(from, at).replace(PLUS, ' ') + String.fromCodePoint(cp);
    from = at + consumed;
    at = s.indexOf('%', from);
  }
  return out + s.slice(from).replace(PLUS, ' ');
}
