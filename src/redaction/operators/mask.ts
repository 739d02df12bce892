import type { Operator } from './types.js';

const ALNUM = /[\p{L}\p{N}]/u;
// Number words: a value containing them was dictated, not typed.
const SPOKEN_NUMBER =
  /\b(zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|double|triple)\b/i;
// Types whose value is a number; names, emails, usernames and addresses keep letter-wise masking.
const WORDY_TYPES = new Set(['PERSON', 'EMAIL', 'USERNAME', 'ADDRESS']);

/**
 * Masks letters and digits with a character, leaving separators (spaces, dashes) so the shape stays
 * readable: `4111 1111 1111 1111` -> `**** **** **** 1111` with keepLast 4. PCI DSS 3.4.1 caps a
 * card at BIN + last four (the policy refuses more). When the value is too short for what should stay
 * visible (a 4-digit "card ending in" with keepLast 4) everything is masked: fail closed. A number
 * dictated in words ("four one one one") is masked whole by the operator: its letters are not
 * digits, and keeping the last four letters would show a fragment of a digit word.
 * @example maskValue('4111-1111-1111-1111', '*', 6, 4) === '4111-11**-****-1111'
 */
export function maskValue(value: string, char: string, keepFirst: number, keepLast: number): string {
  const chars = Array.from(value);
  const total = chars.filter((c) => ALNUM.test(c)).length;
  const revealAny = total > keepFirst + keepLast;
  let seen = 0;
  return chars
    .map((c) => {
      if (!ALNUM.test(c)) return c;
      const index = seen++;
      const visible = revealAny && (index < keepFirst || index >= total - keepLast);
      return visible ? c : char;
    })
    .join('');
}

export const maskOperator: Operator<{ kind: 'mask'; char?: string; keepLast?: number; keepFirst?: number }> = {
  kind: 'mask',
  preservesCharacters: true,
  apply(value, config, target) {
    const spoken = !WORDY_TYPES.has(target.type) && SPOKEN_NUMBER.test(value);
    return spoken
      ? maskValue(value, config.char ?? '*', 0, 0)
      : maskValue(value, config.char ?? '*', config.keepFirst ?? 0, config.keepLast ?? 0);
  },
};
