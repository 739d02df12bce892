/**
 * The pieces an address is read from, word by word: house numbers (digits or spoken), street
 * words, units, places (city, state/county) and postcodes (US ZIP / ZIP+4, UK, Canada, typed or
 * spoken). Shared by the ADDRESS and POSTAL_CODE detectors. Every function takes the turn's words
 * and an index and returns the index just past what it matched (or -1): no regex over the text.
 */
import { lexicons, MAX_PLACE_WORDS } from '../lexicon/index.js';
import { isDigitWord, isNumberWord, spokenDigits } from '../lexicon/spoken-numbers.js';
import type { Word } from '../lexicon/turn-words.js';

/** Words that end a street name: a street is never "... and ...", "... is ...". */
export const FUNCTION_WORDS = new Set(
  'a an and or but the to for of in on at by from with is are was were be it its it\'s that this these those my your our their his her i you we they he she me us them if so as than then also just please thanks thank okay ok yes no not do does did have has had will would can could should'.split(' '),
);
/** A number followed by one of these is a quantity, never a house number. */
const QUANTITY_WORDS = new Set(
  'dollars dollar bucks cents pounds euros percent minutes minute hours hour days day weeks week months month years year times items item pieces pairs people charges attempts bedrooms bedroom baths bath beds bed nights night tickets ticket seats seat units pm am o\'clock'.split(' '),
);
const UNIT_WORDS = new Set('apt apartment suite ste unit flat # number no room rm floor fl building bldg lot space'.split(' '));
const DIRECTIONS = new Set('north south east west northeast northwest southeast southwest n s e w ne nw se sw'.split(' '));
const COUNTRIES = ['united states', 'usa', 'united kingdom', 'uk', 'canada', 'us'];

export const isNumeric = (w: Word | undefined): boolean => w !== undefined && (isDigitWord(w.lower) || isNumberWord(w.lower));

/** End of a house number at i: one digit word (up to 6 digits, "12b"), or a run of number words. */
export function houseNumberEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w) return -1;
  if (isDigitWord(w.lower)) return w.lower.length <= 7 ? i + 1 : -1;
  if (!isNumberWord(w.lower) || w.lower === 'hundred' || w.lower === 'thousand') return -1;
  let j = i;
  while (j < words.length && j - i < 8 && (isNumberWord((words[j] as Word).lower) || ((words[j] as Word).lower === 'and' && isNumberWord(words[j + 1]?.lower ?? ''))) && (j === i || !(words[j] as Word).pause)) j++;
  return j;
}

/** End of "number + street name + suffix [+ direction]" when the street starts at `from`, else -1. */
export function streetEnd(words: readonly Word[], from: number): number {
  const { streetSuffixes } = lexicons();
  const first = words[from];
  if (!first || first.pause || QUANTITY_WORDS.has(first.lower)) return -1;
  let last = -1;
  for (let k = from; k < words.length && k - from < 6; k++) {
    const w = words[k] as Word;
    if (k > from && w.pause) break;
    if (FUNCTION_WORDS.has(w.lower) || UNIT_WORDS.has(w.lower) || w.lower.includes('@')) break;
    if ((k > from && streetSuffixes.has(w.lower)) || w.lower === 'broadway') last = k;
    else if (last >= 0 && !DIRECTIONS.has(w.lower)) break;
  }
  if (last < 0) return -1;
  let end = last + 1;
  const after = words[end];
  if (after && !after.pause && DIRECTIONS.has(after.lower) && (end + 1 >= words.length || (words[end + 1] as Word).pause)) end++;
  return end;
}

/** End of a unit ("Apt 4B", "suite one ten", "# 212", "unit twenty b") starting at i, else -1. */
export function unitEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w || !UNIT_WORDS.has(w.lower)) return -1;
  let j = i + 1;
  const v = words[j];
  if (!v || v.sentence) return -1;
  if (/^#?[a-z]?\d+[a-z]?$/.test(v.lower) || (v.lower.length === 1 && /[a-z]/.test(v.lower))) j++;
  else if (isNumberWord(v.lower)) {
    while (j < words.length && isNumberWord((words[j] as Word).lower) && !(words[j] as Word).pause) j++;
  } else return -1;
  const letter = words[j];
  if (letter && !letter.pause && letter.lower.length === 1 && /[a-z]/.test(letter.lower) && !['a', 'i'].includes(letter.lower)) j++;
  return j;
}

/** End of a multi-word lexicon entry (city or region) starting at i, longest first, else -1. */
export function lexiconEnd(words: readonly Word[], i: number, set: ReadonlySet<string>): number {
  for (let n = Math.min(MAX_PLACE_WORDS, words.length - i); n >= 1; n--) {
    let key = '';
    for (let k = i; k < i + n; k++) {
      const w = words[k] as Word;
      if (k > i && w.pause) {
        key = '';
        break;
      }
      key += (k > i ? ' ' : '') + w.lower.replace(/\.$/, '');
    }
    if (key && set.has(key)) return i + n;
  }
  return -1;
}

/** End of a state / province / county at i (full name, or a 2-letter abbreviation typed as such). */
export function regionEnd(words: readonly Word[], i: number): number {
  const { regions, regionAbbreviations } = lexicons();
  const full = lexiconEnd(words, i, regions);
  if (full >= 0) return full;
  const w = words[i];
  // "IL" typed in capitals, or "oh"/"in" right after a comma in chat: never the bare word in speech.
  if (w && regionAbbreviations.has(w.lower) && (w.text === w.text.toUpperCase() || w.pause)) return i + 1;
  return -1;
}

/** End of "city [,] region" or "region" starting at i (city: lexicon entry or up to 3 unknown words). */
export function placeEnd(words: readonly Word[], i: number): number {
  const { cities, common } = lexicons();
  for (let n = 0; n <= 3; n++) {
    const w = words[i + n - 1];
    if (n > 0 && (!w || (w.sentence && n > 1) || !/^[\p{L}'.-]+$/u.test(w.text) || FUNCTION_WORDS.has(w.lower))) break;
    const r = regionEnd(words, i + n);
    if (r >= 0) return r;
  }
  const city = lexiconEnd(words, i, cities);
  if (city >= 0) return city;
  // After a pause ("..., Brooklyn." / "..., york"), one or two unknown words closing the clause.
  const w = words[i];
  if (w?.pause && !w.sentence) {
    for (let n = 1; n <= 2; n++) {
      const v = words[i + n - 1];
      if (!v || !/^[\p{L}'-]+$/u.test(v.text) || common.has(v.lower) || FUNCTION_WORDS.has(v.lower)) break;
      const next = words[i + n];
      if (!next || next.pause) return i + n;
    }
  }
  return -1;
}

const US_ZIP = /^\d{5}(?:-\d{4})?$/;
const UK_OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;
const UK_INWARD = /^\d[a-z]{2}$/;
const CA_FSA = /^[abceghj-nprstvxy]\d[a-z]$/;
const CA_LDU = /^\d[a-z]\d$/;
const letter = (w: Word | undefined): boolean => w !== undefined && /^[a-z]$/.test(w.lower);
const digitLike = (w: Word | undefined): boolean => w !== undefined && (/^\d$/.test(w.lower) || isNumberWord(w.lower));

/** End of a postcode at i: ZIP, ZIP+4, UK or Canadian, typed or spoken; -1 when none. */
export function postcodeEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w) return -1;
  if (US_ZIP.test(w.lower)) {
    const plus = words[i + 1];
    return plus && !plus.pause && /^\d{4}$/.test(plus.lower) ? i + 2 : i + 1;
  }
  if (UK_OUTWARD.test(w.lower) && words[i + 1] && UK_INWARD.test((words[i + 1] as Word).lower)) return i + 2;
  if (/^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/.test(w.lower)) return i + 1;
  if (CA_FSA.test(w.lower) && words[i + 1] && CA_LDU.test((words[i + 1] as Word).lower)) return i + 2;
  if (/^[a-z]\d[a-z]\d[a-z]\d$/.test(w.lower)) return i + 1;
  // Spoken Canadian: letter digit letter digit letter digit ("l eight r eight r oh").
  let j = i;
  for (let k = 0; k < 6 && j < words.length; k++, j++) if (!(k % 2 === 0 ? letter(words[j]) : digitLike(words[j]))) break;
  if (j - i === 6) return j;
  // Spoken ZIP: a run of number words saying 5 or 9 digits.
  return spokenZipEnd(words, i);
}

function spokenZipEnd(words: readonly Word[], i: number): number {
  let j = i;
  while (j < words.length && j - i < 14 && (isNumberWord((words[j] as Word).lower) || /^\d$/.test((words[j] as Word).lower)) && (j === i || !(words[j] as Word).pause)) j++;
  if (j === i) return -1;
  // Shorten until the run says exactly 5 or 9 digits ("... oh two nine one four now").
  for (let end = j; end > i; end--) {
    const digits = spokenDigits(words.slice(i, end).map((x) => x.lower));
    if (digits && (digits.length === 5 || digits.length === 9)) return end;
  }
  return -1;
}

/** End of a trailing country ("..., United States") at i, else -1. */
export function countryEnd(words: readonly Word[], i: number): number {
  for (const c of COUNTRIES) {
    const parts = c.split(' ');
    if (parts.every((p, k) => words[i + k]?.lower === p)) return i + parts.length;
  }
  return -1;
}

export { UNIT_WORDS };
