/**
 * Luhn (mod 10) checksum, used to tell card numbers from other long digit runs.
 *
 * Spaces and dashes are ignored, as card numbers are usually written in groups. Anything else, an empty
 * string or a single digit returns `false` rather than throwing.
 * @example luhnCheck('4111 1111 1111 1111') // true
 */
export function luhnCheck(digits: string): boolean {
  if (typeof digits !== 'string') return false;
  let sum = 0;
  let count = 0;
  // Walk right to left so every second digit (from the check digit) is doubled, whatever the length.
  for (let i = digits.length - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    const v = count++ % 2 === 1 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return count > 1 && sum % 10 === 0;
}
