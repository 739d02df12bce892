/**
 * Spoken number vocabulary and a parser turning a run of number words into digit groups.
 * Speech-to-text writes numbers as words ("four one one one", "double five", "oh nine", "twenty
 * twenty seven", "six hundred sixty two", "one eight hundred"); concatenating the groups gives the
 * digit string a caller meant when dictating, which is what card, phone and account detectors need.
 */

export const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['oh', 0], ['o', 0], ['nought', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4],
  ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
]);
export const TEEN_WORDS: ReadonlyMap<string, number> = new Map([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30],
]);
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([['double', 2], ['triple', 3]]);

/** Zero words that are also ordinary speech ("oh okay", the letter o): digits only beside other numbers. */
export function isWeakZero(lower: string): boolean {
  return lower === 'oh' || lower === 'o';
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...DIGIT_WORDS.keys(), ...TEEN_WORDS.keys(), ...TENS_WORDS.keys(), ...ORDINAL_WORDS.keys(), ...MULTIPLIERS.keys(), 'hundred', 'thousand',
]);

/** 1 for each ASCII character some number word starts with. */
const NUMBER_WORD_FIRST = new Uint8Array(128);
for (const w of NUMBER_WORDS) if (w.charCodeAt(0) < 128) NUMBER_WORD_FIRST[w.charCodeAt(0)] = 1;

/** A word that can be part of a spoken number run (multipliers and scales included). One set lookup: hot path. */
export function isNumberWord(lower: string): boolean {
  // Quick reject (speed only): most words start with a letter no number word starts with.
  const c = lower.charCodeAt(0);
  if (c < 128 && NUMBER_WORD_FIRST[c] === 0) return false;
  return NUMBER_WORDS.has(lower);
}

/** One digit group of a parsed run, with the index range [from, to) of the words it came from. */
export interface NumberGroup {
  digits: string;
  from: number;
  to: number;
  /** An ordinal ("twenty second" -> "22nd"): ends a concatenated digit string. */
  ordinal: boolean;
}

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  const mod10 = n % 10;
  return mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
}

/** Parses "sixty two", "twenty", "nine" (non-zero unit after tens): value below 100, or undefined. */
function below100(words: readonly string[], i: number): { value: number; next: number; ordinal: boolean } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  const tens = TENS_WORDS.get(w);
  if (tens !== undefined) {
    const unitWord = words[i + 1];
    const unit = unitWord === undefined ? undefined : DIGIT_WORDS.get(unitWord);
    if (unit !== undefined && unit > 0) return { value: tens + unit, next: i + 2, ordinal: false };
    const ord = unitWord === undefined ? undefined : ORDINAL_WORDS.get(unitWord);
    if (ord !== undefined && ord < 10) return { value: tens + ord, next: i + 2, ordinal: true };
    return { value: tens, next: i + 1, ordinal: false };
  }
  const teen = TEEN_WORDS.get(w);
  if (teen !== undefined) return { value: teen, next: i + 1, ordinal: false };
  const digit = DIGIT_WORDS.get(w);
  if (digit !== undefined && !isWeakZero(w) && w !== 'zero') return { value: digit, next: i + 1, ordinal: false };
  return undefined;
}

/**
 * Parses a run of lowercase number words into digit groups. Single digits stay single digits (so
 * "oh nine" keeps its leading zero); "X hundred Y" and "X thousand Y" are one value; tens take a
 * following unit ("twenty seven" = 27). Concatenating groups reads dictation the way people say it:
 * "nineteen eighty five" = 1985, "one ninety two" = 192, "one eight hundred" = 1800.
 */
export function parseNumberRun(words: readonly string[]): NumberGroup[] {
  const groups: NumberGroup[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    const mult = MULTIPLIERS.get(w);
    const nextDigit = words[i + 1] === undefined ? undefined : DIGIT_WORDS.get(words[i + 1] as string);
    if (mult !== undefined && nextDigit !== undefined) {
      groups.push({ digits: String(nextDigit).repeat(mult), from: i, to: i + 2, ordinal: false });
      i += 2;
      continue;
    }
    const ord = ORDINAL_WORDS.get(w);
    if (ord !== undefined) {
      groups.push({ digits: `${ord}${ordinalSuffix(ord)}`, from: i, to: i + 1, ordinal: true });
      i += 1;
      continue;
    }
    const lead = DIGIT_WORDS.get(w) ?? TEEN_WORDS.get(w);
    if (lead !== undefined && words[i + 1] === 'hundred' && lead > 0) {
      let value = lead * 100;
      let j = i + 2;
      if (words[j] === 'and' && words[j + 1] !== undefined) j += 1;
      // "six hundred five" = 605, but "eight hundred five five five" is 800 then 555 (a phone).
      const afterUnit = words[j + 1];
      const digitRunFollows = DIGIT_WORDS.has(words[j] ?? '') && afterUnit !== undefined && DIGIT_WORDS.has(afterUnit);
      const rest = digitRunFollows ? undefined : below100(words, j);
      let ordinal = false;
      if (rest !== undefined) {
        value += rest.value;
        j = rest.next;
        ordinal = rest.ordinal;
      } else if (words[j - 1] === 'and') j -= 1;
      groups.push({ digits: ordinal ? `${value}${ordinalSuffix(value)}` : String(value), from: i, to: j, ordinal });
      i = j;
      continue;
    }
    if (lead !== undefined && words[i + 1] === 'thousand' && lead > 0) {
      let value = lead * 1000;
      let j = i + 2;
      const h = words[j] === undefined ? undefined : DIGIT_WORDS.get(words[j] as string);
      if (h !== undefined && h > 0 && words[j + 1] === 'hundred') {
        value += h * 100;
        j += 2;
      }
      if (words[j] === 'and') j += 1;
      const rest = below100(words, j);
      if (rest !== undefined) {
        value += rest.value;
        j = rest.next;
      } else if (words[j - 1] === 'and') j -= 1;
      groups.push({ digits: String(value), from: i, to: j, ordinal: false });
      i = j;
      continue;
    }
    if (TENS_WORDS.has(w)) {
      const r = below100(words, i) as { value: number; next: number; ordinal: boolean };
      groups.push({ digits: r.ordinal ? `${r.value}${ordinalSuffix(r.value)}` : String(r.value), from: i, to: r.next, ordinal: r.ordinal });
      i = r.next;
      continue;
    }
    if (lead !== undefined) {
      groups.push({ digits: String(lead), from: i, to: i + 1, ordinal: false });
      i += 1;
      continue;
    }
    // A lone scale or multiplier word ("hundred", "double"): not a number by itself.
    i += 1;
  }
  return groups;
}
