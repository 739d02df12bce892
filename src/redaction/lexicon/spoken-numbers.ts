/**
 * Spoken numbers as ASR writes them ("nine oh two one oh", "two three double two one",
 * "six hundred sixty two"): which words are number words, and the digits a run of them says.
 */
const DIGITS: Record<string, number> = {
  zero: 0, oh: 0, o: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS = new Set(['hundred', 'thousand', 'double', 'triple']);

/** true for a word that can be part of a spoken number ("oh", "double", "hundred" included). */
export function isNumberWord(lower: string): boolean {
  return Object.hasOwn(DIGITS, lower) || Object.hasOwn(TEENS, lower) || Object.hasOwn(TENS, lower) || MULTIPLIERS.has(lower);
}

/** true for a word made of digits, optionally a range or a short suffix ("12b", "28bis", "123-01"). */
export function isDigitWord(lower: string): boolean {
  return /^\d+(?:-\d+)?[a-z]{0,3}$/.test(lower);
}

/**
 * The digits said by a run of number words or digit strings, or undefined if a word is not one.
 * Example: ["two","three","double","two","one"] -> "23221"; ["six","hundred","sixty","two"] -> "662".
 */
export function spokenDigits(words: readonly string[]): string | undefined {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (/^\d+$/.test(w)) out += w;
    else if (Object.hasOwn(DIGITS, w)) {
      if (next === 'hundred') {
        const [value, used] = belowHundred(words, i + 2);
        out += String((DIGITS[w] as number) * 100 + value).padStart(3, '0');
        i += 1 + used;
      } else if (next === 'thousand') {
        const [value, used] = belowHundred(words, i + 2);
        out += String((DIGITS[w] as number) * 1000 + value);
        i += 1 + used;
      } else out += String(DIGITS[w]);
    } else if (Object.hasOwn(TEENS, w)) out += String(TEENS[w]);
    else if (Object.hasOwn(TENS, w)) {
      const unit = next !== undefined ? DIGITS[next] : undefined;
      if (unit !== undefined && unit > 0 && next !== 'oh' && next !== 'o') {
        out += String((TENS[w] as number) + unit);
        i++;
      } else out += String(TENS[w]);
    } else if ((w === 'double' || w === 'triple') && next !== undefined && Object.hasOwn(DIGITS, next)) {
      out += String(DIGITS[next]).repeat(w === 'double' ? 2 : 3);
      i++;
    } else return undefined;
  }
  return out;
}

/** Value and word count of "sixty two", "and five", "twelve" at words[i] (0, 0 when none). */
function belowHundred(words: readonly string[], i: number): [number, number] {
  let used = 0;
  if (words[i] === 'and') {
    i++;
    used++;
  }
  const w = words[i];
  if (w === undefined) return [0, 0];
  if (Object.hasOwn(TEENS, w)) return [TEENS[w] as number, used + 1];
  if (Object.hasOwn(TENS, w)) {
    const unit = words[i + 1] !== undefined ? DIGITS[words[i + 1] as string] : undefined;
    if (unit !== undefined && unit > 0) return [(TENS[w] as number) + unit, used + 2];
    return [TENS[w] as number, used + 1];
  }
  if (Object.hasOwn(DIGITS, w) && w !== 'oh' && w !== 'o' && w !== 'zero') return [DIGITS[w] as number, used + 1];
  return [0, 0];
}
