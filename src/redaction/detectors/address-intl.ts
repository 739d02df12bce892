/**
 * The end of an Australian, Irish or Indian address: locality words and the postcode said right
 * after the street, which belong to the ADDRESS span (LABELS.md rule 5):
 *   - Australia: suburb, state (abbreviation or full name) and a 4-digit postcode
 *     ("Newtown NSW 2042", "toowong queensland four oh double six");
 *   - Ireland: locality, "Dublin 6", and an Eircode (routing key + 4-character identifier:
 *     "D06 Y6Y7", "h nine one y five w two"); Eircode letters exclude B, G, I, J, L, M, O, Q, S, U, Z;
 *   - India: locality, city and a 6-digit PIN ("Pune 411043", "Pune 411 001").
 * Only a strict postcode shape closes the tail, so a street followed by ordinary words is unchanged.
 */
import { spokenDigits } from '../lexicon/spoken-numbers.js';
import type { Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';

const AU_STATES = ['nsw', 'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'nt', 'new south wales', 'victoria', 'queensland', 'western australia', 'south australia', 'tasmania', 'australian capital territory', 'northern territory'];
const EIRCODE_KEY = /^(?:[ac-fhknprtv-y]\d\d|d6w)$/;
const EIRCODE_ID = /^[\dac-fhknprtv-y]{4}$/;
const EIRCODE = /^(?:[ac-fhknprtv-y]\d\d|d6w)[\dac-fhknprtv-y]{4}$/;
const PIN = /^[1-9]\d{5}$/;
/** Words that end what a speaker says of an address ("... newtown now", "... is that right"). */
const CLOSERS = new Set(['now', 'please', 'thanks', 'thank', 'is', 'and', 'right', 'correct', 'okay', 'ok', 'yes', 'yeah', 'sorry', 'actually']);
const SPOKEN_CHAR: Record<string, string> = { zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const MAX_LOCALITY_WORDS = 5;

/** Index just past an international locality + postcode tail starting at `from`, or -1. */
export function internationalTailEnd(words: readonly Word[], from: number): number {
  for (let j = from; j <= from + MAX_LOCALITY_WORDS && j < words.length; j++) {
    const w = words[j] as Word;
    if (j > from && w.sentence) return -1;
    const post = postcodeAt(words, j, j > from);
    if (post >= 0) return post;
    if (!localityWord(words, j)) return -1;
  }
  return -1;
}

/** A suburb/city/state word, or the district number of "Dublin 6" / "dublin six". */
function localityWord(words: readonly Word[], j: number): boolean {
  const w = words[j] as Word;
  if (words[j - 1]?.lower === 'dublin' && (/^\d{1,2}w?$/.test(w.lower) || w.flags & F.NUMBER_WORD)) return true;
  if (!(w.flags & F.NAME_SHAPE) || w.flags & (F.FUNCTION | F.FILLER | F.DIGITS | F.NUMBER_WORD) || CLOSERS.has(w.lower)) return false;
  return true;
}

/** End of an AU / Irish / Indian postcode at j (`afterLocality`: a locality word was said before it). */
function postcodeAt(words: readonly Word[], j: number, afterLocality: boolean): number {
  const w = words[j] as Word;
  if (stateBefore(words, j)) {
    const au = digitsEnd(words, j, 4);
    if (au >= 0) return au;
  }
  const eir = eircodeEnd(words, j);
  if (eir >= 0) return eir;
  if (afterLocality) {
    if (PIN.test(w.lower)) return j + 1;
    const next = words[j + 1];
    if (/^[1-9]\d\d$/.test(w.lower) && next && !next.pause && /^\d{3}$/.test(next.lower)) return j + 2;
    if (w.flags & F.NUMBER_WORD) {
      const pin = digitsEnd(words, j, 6);
      if (pin >= 0) return pin;
    }
  }
  return -1;
}

/** Does an Australian state (abbreviation or full name) end right before j? */
function stateBefore(words: readonly Word[], j: number): boolean {
  for (let n = 1; n <= 3 && j - n >= 0; n++) {
    const name = words
      .slice(j - n, j)
      .map((w) => w.lower.replace(/\.$/, ''))
      .join(' ');
    if (AU_STATES.includes(name)) return true;
  }
  return false;
}

/** End of exactly `count` digits at j: one typed group, or spoken number words closing the clause. */
function digitsEnd(words: readonly Word[], j: number, count: number): number {
  const w = words[j] as Word;
  if (w.flags & F.DIGITS) return w.lower.length === count && !(words[j + 1] && !(words[j + 1] as Word).pause && (words[j + 1] as Word).flags & F.DIGITS) ? j + 1 : -1;
  let k = j;
  while (k < words.length && k - j < 12 && (words[k] as Word).flags & F.NUMBER_WORD && (k === j || !(words[k] as Word).pause)) k++;
  if (k === j) return -1;
  // The run must say exactly `count` digits (more is another number: a phone, an amount).
  const digits = spokenDigits(words.slice(j, k).map((x) => x.lower));
  return digits !== undefined && digits.length === count ? k : -1;
}

/** End of an Eircode at j: "D06 Y6Y7", "D06Y6Y7", or spoken one character at a time. */
function eircodeEnd(words: readonly Word[], j: number): number {
  const w = words[j] as Word;
  const next = words[j + 1];
  if (EIRCODE_KEY.test(w.lower) && next && EIRCODE_ID.test(next.lower) && !next.pause) return j + 2;
  if (EIRCODE.test(w.lower)) return j + 1;
  let joined = '';
  for (let k = j; k < words.length && k - j < 8; k++) {
    const v = words[k] as Word;
    if (k > j && v.pause) break;
    const piece = /^[a-z\d]$/.test(v.lower) && v.lower !== 'o' ? v.lower : SPOKEN_CHAR[v.lower];
    if (piece === undefined) break;
    joined += piece;
    if (joined.length === 7) return EIRCODE.test(joined) ? k + 1 : -1;
  }
  return -1;
}
