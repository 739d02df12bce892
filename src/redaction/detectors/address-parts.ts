/**
 * The pieces an address is read from, word by word: house numbers (digits or spoken), street
 * words, units, places (city, state/county) and postcodes (US ZIP / ZIP+4, UK, Canada, typed or
 * spoken). Shared by the ADDRESS and POSTAL_CODE detectors. Every function takes the turn's words
 * and an index and returns the index just past what it matched (or -1): no regex over the text.
 */
import { lexicons, MAX_PLACE_WORDS } from '../lexicon/index.js';
import { spokenDigits } from '../lexicon/spoken-numbers.js';
import type { Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';

/** A number followed by one of these is a quantity, never a house number. */
const QUANTITY_WORDS = new Set(
  'dollars dollar bucks cents pounds euros percent minutes minute hours hour days day weeks week months month years year times items item pieces pairs people charges attempts bedrooms bedroom baths bath beds bed nights night tickets ticket seats seat units pm am o\'clock'.split(' '),
);
const PREFIX_TYPES = new Set(['rue', 'calle', 'via', 'jalan', 'avenida', 'chemin', 'camino', 'rua', 'strada', 'cnoc', 'allee', 'allée', 'place', 'sraid']);
/** Particles inside prefixed street names: "rue des érables", "Cnoc na Gaoithe", "rue saint hubert". */
const PARTICLES = new Set(['des', 'du', 'de', 'la', 'le', 'les', 'saint', 'sainte', 'st', 'na', 'an', 'del', 'di', 'da', 'y', "d'"]);
const DIRECTIONS = new Set('north south east west northeast northwest southeast southwest n s e w ne nw se sw'.split(' '));
const COUNTRIES = ['united states', 'usa', 'united kingdom', 'uk', 'canada', 'australia', 'us'];

/** Streets whose one word is both name and type: "1560 Broadway", "thirty three parkway sheffield", "12 Kingsway". */
export const SELF_NAMED_STREETS = new Set(['broadway', 'parkway', 'causeway', 'kingsway', 'queensway']);

export const isNumeric = (w: Word | undefined): boolean => w !== undefined && (w.flags & (F.DIGITS | F.NUMBER_WORD)) !== 0;

/** End of a house number at i: one digit word (up to 6 digits, "12b"), or a run of number words. */
export function houseNumberEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w) return -1;
  if (w.flags & F.DIGITS) {
    if (w.lower.length > 11) return -1;
    // "27 - 31 Charing Cross Road": a range of house numbers around a spaced dash (three characters apart, no pause).
    const to = words[i + 1];
    if (to && to.flags & F.DIGITS && !to.pause && to.start - w.end === 3 && to.lower.length <= 5 && Number.parseInt(to.lower, 10) > Number.parseInt(w.lower, 10)) return i + 2;
    return i + 1;
  }
  if (!(w.flags & F.NUMBER_WORD) || w.lower === 'hundred' || w.lower === 'thousand') return -1;
  let j = i;
  while (j < words.length && j - i < 8 && (((words[j] as Word).flags & F.NUMBER_WORD) !== 0 || ((words[j] as Word).lower === 'and' && ((words[j + 1]?.flags ?? 0) & F.NUMBER_WORD) !== 0)) && (j === i || !(words[j] as Word).pause)) j++;
  return j;
}

/** End of "PO Box 2692", "P.O. Box", "post office box", "RR 4 Box 158", "rural route nine box one two" at i, else -1. */
export function poBoxEnd(words: readonly Word[], i: number): number {
  const at = (k: number): string => words[k]?.lower ?? '';
  let j = i;
  if (at(j) === 'po' || at(j) === 'p.o') j++;
  else if ((at(j) === 'p' && at(j + 1) === 'o') || (at(j) === 'post' && at(j + 1) === 'office')) j += 2;
  else if (at(j) === 'rr' || (at(j) === 'rural' && at(j + 1) === 'route')) {
    const route = houseNumberEnd(words, at(j) === 'rr' ? j + 1 : j + 2);
    if (route < 0) return -1;
    j = route;
  } else return -1;
  if (at(j) !== 'box' || (words[j] as Word).sentence) return -1;
  return houseNumberEnd(words, j + 1);
}

/** End of "number + street name + suffix [+ direction]" when the street starts at `from`, else -1. */
export function streetEnd(words: readonly Word[], from: number): number {
  const first = words[from];
  // "49-51, Jalan Hang Lekiu": a comma may stand between the number and a street type said first.
  if (!first || (first.pause && !(PREFIX_TYPES.has(first.lower) && !first.sentence)) || QUANTITY_WORDS.has(first.lower)) return -1;
  // Street type first ("6 Rue Gustave Charpentier", "2232 El Camino Real"): the name words follow.
  // "rue des érables", "Chemin du Lac-Brome", "boulevard des forges", "Cnoc na Gaoithe".
  const second = words[from + 1];
  if (PREFIX_TYPES.has(first.lower) || (first.flags & F.STREET_SUFFIX && second && PARTICLES.has(second.lower))) {
    let k = from + 1;
    for (; k < words.length && k - from <= 4; k++) {
      const w = words[k] as Word;
      if (w.pause || w.flags & (F.UNIT | F.DIGITS | F.NUMBER_WORD) || (w.flags & F.FUNCTION && !PARTICLES.has(w.lower))) break;
      const prev = words[k - 1] as Word;
      const afterType = k === from + 1 || PARTICLES.has(prev.lower);
      // Capitalised words, particles, and a lowercase word right after the type or a particle.
      if (!(w.cap || PARTICLES.has(w.lower) || (afterType && !(w.flags & F.PLACE)))) break;
    }
    while (k > from + 1 && PARTICLES.has((words[k - 1] as Word).lower)) k--;
    if (k > from + 1) return k;
  }
  let last = -1;
  for (let k = from; k < words.length && k - from < 6; k++) {
    const w = words[k] as Word;
    if (k > from && w.pause) break;
    if (QUANTITY_WORDS.has(w.lower) || w.lower.includes('@')) break;
    // A number inside a street name only as an ordinal or right before the type ("1 east 161 street").
    // Calgary's grid: "52 17 Avenue SW" (a number, the type, then the quadrant) names a street too.
    if (w.flags & F.DIGITS && !/\d(?:st|nd|rd|th)$/.test(w.lower) && !(nextIsSuffixWord(words, k) && (k > from || isQuadrant(words[k + 2])))) break;
    // "1400 A Street", "754 The Alameda", "Terry A Francois Boulevard": a letter or "the" naming a street.
    const nextIsSuffix = ((words[k + 1]?.flags ?? 0) & F.STREET_SUFFIX) !== 0;
    const namingWord = (w.flags & F.LETTER && (w.cap || (nextIsSuffix && k === from))) || (w.lower === 'the' && k === from && (w.cap || nextIsSuffix));
    if (w.flags & (F.FUNCTION | F.UNIT) && !namingWord) break;
    // "firmware two point one point four": "point" before a number is a decimal point, not a street.
    if (w.lower === 'point' && isNumeric(words[k + 1])) break;
    if ((k > from && w.flags & F.STREET_SUFFIX) || SELF_NAMED_STREETS.has(w.lower)) last = k;
  }
  if (last < 0) return -1;
  let end = last + 1;
  // "Queen Street East", "Peachtree Street Northeast", "42nd St NW".
  const after = words[end];
  if (after && !after.pause && DIRECTIONS.has(after.lower) && (after.lower.length > 2 || end + 1 >= words.length || (words[end + 1] as Word).pause || ((words[end + 1] as Word).flags & F.UNIT) !== 0 || (isQuadrant(after) && ((words[end - 2]?.flags ?? 0) & F.DIGITS) !== 0))) end++;
  return end;
}

function isQuadrant(w: Word | undefined): boolean {
  return w !== undefined && /^(?:ne|nw|se|sw)$/.test(w.lower);
}

function nextIsSuffixWord(words: readonly Word[], k: number): boolean {
  return ((words[k + 1]?.flags ?? 0) & F.STREET_SUFFIX) !== 0;
}

/** End of a unit ("Apt 4B", "suite one ten", "# 212", "unit twenty b") starting at i, else -1. */
export function unitEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w) return -1;
  // A bare unit code right after the street: "Mount Diablo Boulevard b201", "Texas Street C", "2nd Floor".
  if (!(w.flags & F.UNIT)) {
    const next = words[i + 1];
    const closes = !next || next.pause;
    if (!w.pause && /^\d+(?:st|nd|rd|th)$/.test(w.lower) && next && /^(?:floor|fl)$/.test(next.lower)) return i + 2;
    if (!w.pause && closes && (/^[a-z]\d+[a-z]?$/.test(w.lower) || (w.text.length === 1 && w.cap))) return i + 1;
    return -1;
  }
  let j = i + 1;
  const v = words[j];
  if (!v || v.sentence) return -1;
  if (/^#?[a-z]{0,2}-?\d+-?[a-z]?$/.test(v.lower) || (v.lower.length === 1 && /[a-z]/.test(v.lower))) j++;
  else if (v.flags & F.NUMBER_WORD) {
    // "apartment eight hundred and fifty two": "and" after hundred or thousand stays in the number.
    const andInNumber = (k: number): boolean => (words[k] as Word).lower === 'and' && /^(?:hundred|thousand)$/.test((words[k - 1] as Word).lower) && ((words[k + 1]?.flags ?? 0) & F.NUMBER_WORD) !== 0;
    while (j < words.length && ((words[j] as Word).flags & F.NUMBER_WORD || andInNumber(j)) && !(words[j] as Word).pause) j++;
  } else return -1;
  // "apartment six a", "number fourteen a": a unit letter, unless "a" starts a phrase ("a few").
  const letter = words[j];
  const after = words[j + 1];
  if (letter && !letter.pause && letter.flags & F.LETTER && letter.lower !== 'i' && (letter.lower !== 'a' || !after || after.pause || !(after.flags & (F.FUNCTION | F.ENGLISH)) || placeEnd(words, j + 1) >= 0)) j++;
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

/** A city or region from the lexicons starts at words[i]. */
export function knownPlaceAt(words: readonly Word[], i: number): boolean {
  return lexiconEnd(words, i, lexicons().cities) >= 0 || regionEnd(words, i, true) >= 0;
}

/** End of a state / province / county at i (full name, or a 2-letter abbreviation typed as such). */
export function regionEnd(words: readonly Word[], i: number, afterCity = false): number {
  const { regions, regionAbbreviations } = lexicons();
  const full = lexiconEnd(words, i, regions);
  if (full >= 0) return full;
  const w = words[i];
  // "IL" typed in capitals, or "oh"/"in" after a comma closing the clause in chat ("dayton, oh"):
  // never the bare word in speech, never "La" of "La Jolla".
  if (!w || !regionAbbreviations.has(w.lower)) return -1;
  const next = words[i + 1];
  const closes = !next || next.pause || (next.flags & F.DIGITS) !== 0;
  if (w.text === w.text.toUpperCase() || (w.pause && (afterCity || closes)) || (afterCity && (closes || postcodeEnd(words, i + 1) >= 0))) return i + 1;
  return -1;
}

/** End of "city [,] region" or "region" starting at i (city: lexicon entry or up to 3 unknown words). */
export function placeEnd(words: readonly Word[], i: number): number {
  const { cities } = lexicons();
  // The longest "city words + region" ("Washington, District of Columbia" over "Washington").
  let best = -1;
  for (let n = 0; n <= 3; n++) {
    const w = words[i + n - 1];
    if (n > 0 && (!w || (w.sentence && n > 1) || !(w.flags & F.NAME_SHAPE) || w.flags & (F.FUNCTION | F.NUMBER_WORD))) break;
    const r = regionEnd(words, i + n, n > 0);
    if (r > best) best = r;
  }
  if (best >= 0) return best;
  const city = lexiconEnd(words, i, cities);
  if (city >= 0) return city;
  // After a pause ("..., Brooklyn." / "..., york"), one or two unknown words closing the clause;
  // in speech, one or two words that are not English before the speaker moves on ("... drive smallville now").
  const w = words[i];
  if (w && !w.pause) {
    for (let n = 1; n <= 2; n++) {
      const v = words[i + n - 1];
      if (!v || (n > 1 && v.pause) || !(v.flags & F.NAME_SHAPE) || v.flags & (F.FUNCTION | F.ENGLISH | F.AMBIGUOUS | F.VOCAB_NAME | F.NUMBER_WORD)) break;
      const next = words[i + n];
      if (!next || next.pause || CITY_CLOSERS.has(next.lower) || postcodeEnd(words, i + n) >= 0) return i + n;
    }
  }
  if (w?.pause && !w.sentence) {
    for (let n = 1; n <= 2; n++) {
      const v = words[i + n - 1];
      if (!v || !(v.flags & F.NAME_SHAPE) || v.flags & (F.FUNCTION | F.ENGLISH | F.AMBIGUOUS | F.NUMBER_WORD)) break;
      const next = words[i + n];
      if (!next || next.pause || postcodeEnd(words, i + n) >= 0) return i + n;
    }
  }
  return -1;
}

/** Words a speaker says right after an address: "... smallville now", "... smallville is that right". */
const CITY_CLOSERS = new Set(['now', 'please', 'thanks', 'thank', 'is', 'and', 'right', 'correct', 'okay', 'ok', 'yes', 'yeah']);

const US_ZIP = /^\d{5}(?:-\d{4})?$/;
const UK_OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;
const UK_INWARD = /^\d[a-z]{2}$/;
const CA_FSA = /^[abceghj-nprstvxy]\d[a-z]$/;
const CA_LDU = /^\d[a-z]\d$/;

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
  // Spoken UK or Canadian: letters and digits one by one ("l eight r eight r oh", "b n one one nine d u").
  const spelled = spokenPostcode(words, i);
  if (spelled) return spelled.end;
  // Spoken ZIP: a run of number words saying 5 or 9 digits.
  return spokenZipEnd(words, i);
}

const SINGLE_DIGITS: Record<string, string> = { zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const UK_JOINED = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/;
const CA_JOINED = /^[abceghj-nprstvxy]\d[a-z]\d[a-z]\d$/;

/**
 * The Royal Mail's two-letter postcode areas: "ls six two a b" opens with one said as a word. Only
 * these, so "in six two a b" or "is one two ..." never start a code.
 */
const UK_AREAS = new Set(
  'ab al ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy ec eh en ex fk fy gl gu gy ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky la ld le ll ln ls lu me mk ml ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub wa wc wd wf wn wr ws wv yo ze'.split(' '),
);
/** A UK district said as one number ("m twenty five p g" is M20 5PG, "b twelve nine x y" B12 9XY). */
const DISTRICT_WORDS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
  twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
};

/** A spoken UK or Canadian code at i, letters and digits one by one: its end and the code it says. */
export function spokenPostcode(words: readonly Word[], i: number): { end: number; code: string } | undefined {
  // A code starts with its area letters: one letter, or a two-letter area said as a word.
  const first = words[i]?.lower ?? '';
  if (first.length > 2 || (first.length === 2 && !UK_AREAS.has(first))) return undefined;
  let joined = '';
  const ends: number[] = [];
  for (let j = i; j < words.length && j - i < 8; j++) {
    const w = words[j] as Word;
    if (j > i && w.pause) break;
    // A lone "o" is the letter O until a digit has been said (outward codes start with letters: "y o two ...").
    const letterO = w.lower === 'o' && !/\d/.test(joined);
    let piece = letterO || /^[a-z]$/.test(w.lower) ? (w.lower === 'o' && !letterO ? '0' : w.lower) : /^\d$/.test(w.lower) ? w.lower : SINGLE_DIGITS[w.lower];
    if (piece === undefined && j === i && UK_AREAS.has(w.lower)) piece = w.lower;
    // The district right after the area letters: "m twenty", "b twelve" (then one inward digit).
    if (piece === undefined && /^[a-z]{1,2}$/.test(joined)) piece = DISTRICT_WORDS[w.lower];
    // "cf double one seven f y": "double" or "triple" repeats the next digit or letter.
    if (piece === undefined && (w.lower === 'double' || w.lower === 'triple') && j > i) {
      const next = words[j + 1];
      const repeated = next === undefined || next.pause ? undefined : /^[a-z\d]$/.test(next.lower) && next.lower !== 'o' ? next.lower : SINGLE_DIGITS[next.lower];
      if (repeated !== undefined) {
        joined += repeated.repeat(w.lower === 'double' ? 2 : 3);
        ends.push(-1); // the repeat word itself ends no code
        j++;
        ends.push(joined.length);
        continue;
      }
    }
    if (piece === undefined) break;
    joined += piece;
    ends.push(joined.length);
  }
  // Must start with a letter, hold letters and digits, and match a whole UK or Canadian code.
  for (let n = ends.length; n >= 3; n--) {
    if ((ends[n - 1] as number) < 0) continue;
    const code = joined.slice(0, ends[n - 1]);
    if ((UK_JOINED.test(code) || CA_JOINED.test(code)) && /[a-z]/.test(code[0] ?? '')) return { end: i + n, code };
  }
  return undefined;
}

function spokenZipEnd(words: readonly Word[], i: number): number {
  let j = i;
  while (j < words.length && j - i < 14 && ((words[j] as Word).flags & F.NUMBER_WORD || /^\d$/.test((words[j] as Word).lower)) && (j === i || !(words[j] as Word).pause)) j++;
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

