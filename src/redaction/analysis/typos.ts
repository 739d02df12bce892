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

const WORD = /[a-z]{4,12}/g;

/** Misspelled keywords of a lower-cased text, with their offsets. */
export function typoKeywords(lower: string): Array<{ start: number; end: number; subject: Subject }> {
  const hits: Array<{ start: number; end: number; subject: Subject }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const subject = TYPO_TO_SUBJECT.get(m[0]);
    if (subject === undefined) continue;
    // Whole words only.
    const before = lower.charCodeAt(m.index - 1);
    const after = lower.charCodeAt(m.index + m[0].length);
    if ((before >= 97 && before <= 122) || (after >= 97 && after <= 122)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, subject });
  }
  return hits;
}
