import type { Subject } from './subject.js';

/**
 * Typed chat misspells the words that give numbers their meaning ("accunt number", "routig",
 * "expiation"). Each keyword below is also recognised with one typo (Damerau-Levenshtein distance 1:
 * a letter dropped, doubled, swapped with its neighbour or mistyped). The variants are generated
 * once, so checking a word is a single set lookup.
 */
const TARGETS: ReadonlyArray<[string, Subject]> = [
  ['account', 'account'], ['checking', 'account'], ['savings', 'account'],
  ['routing', 'routing'],
  ['social', 'ssn'],
  ['expiration', 'expiry'], ['expiry', 'expiry'], ['expires', 'expiry'],
  ['birthday', 'dob'], ['birth', 'dob'],
  ['phone', 'phone'], ['mobile', 'phone'], ['callback', 'phone'],
  ['security', 'cvv'],
  ['mastercard', 'card'], ['credit', 'card'], ['debit', 'card'],
];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function variants(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i));
  return out;
}

/** Real words one typo away from a keyword: never read as the keyword. */
const REAL_WORDS = new Set([
  'express', 'births', 'berth', 'girth', 'birch', 'phony', 'phoned', 'phones', 'phono', 'prone', 'shone', 'mobiles', 'debits', 'debt',
  'debts', 'debut', 'credits', 'accounts', 'expire', 'expired', 'empires', 'saving', 'routine', 'routines', 'socials', 'chucking',
  'callbacks', 'expiring', 'securing', 'birthdays',
]);

const TYPO_TO_SUBJECT: ReadonlyMap<string, Subject> = (() => {
  const map = new Map<string, Subject>();
  for (const [word, subject] of TARGETS) for (const v of variants(word)) if (v.length >= 4 && !map.has(v)) map.set(v, subject);
  for (const [word] of TARGETS) map.delete(word);
  for (const w of REAL_WORDS) map.delete(w);
  return map;
})();

/**
 * A 64 Kbit filter over the hashes of the typo keys: most words of a turn are rejected by one bit
 * test, without slicing a string or probing the (large, cache-unfriendly) map. Speed only.
 */
const FILTER_MASK = (1 << 16) - 1;
const TYPO_FILTER = new Uint32Array((FILTER_MASK + 1) >> 5);
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
for (const key of TYPO_TO_SUBJECT.keys()) {
  let h = FNV_OFFSET;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
  const bit = h & FILTER_MASK;
  TYPO_FILTER[bit >>> 5] = (TYPO_FILTER[bit >>> 5] as number) | (1 << (bit & 31));
}

/**
 * Misspelled keywords of a lower-cased text, with their offsets: whole words of 4 to 12 letters
 * a-z (a letter run touching another letter a-z is not a whole word; digits and other characters
 * end a word).
 */
export function typoKeywords(lower: string): Array<{ start: number; end: number; subject: Subject }> {
  const hits: Array<{ start: number; end: number; subject: Subject }> = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = lower.charCodeAt(++i);
    } while (c >= 97 && c <= 122);
    const len = i - start;
    if (len < 4 || len > 12) continue;
    const bit = h & FILTER_MASK;
    if (((TYPO_FILTER[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
    const subject = TYPO_TO_SUBJECT.get(lower.slice(start, i));
    if (subject !== undefined) hits.push({ start, end: i, subject });
  }
  return hits;
}
