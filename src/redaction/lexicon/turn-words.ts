/**
 * The words of a turn as the PERSON / ADDRESS / POSTAL_CODE / USERNAME detectors read them: one
 * scan per turn, cached, with the punctuation between words kept as two flags (a comma-like pause,
 * a sentence end) because names and addresses end where the speaker pauses.
 */
import type { TurnView } from '../types.js';

export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** First character is an upper-case letter. */
  readonly cap: boolean;
  /** A comma, colon, semicolon, dash or bracket stands between the previous word and this one. */
  readonly pause: boolean;
  /** A full stop, question or exclamation mark stands before this word (or it is the first word). */
  readonly sentence: boolean;
}

/** Letters/digits joined by inner ' - . @ _ + (emails, handles, "don't", "G-O-N-Z-A-L-E-Z"), or a lone '#'. */
const WORD = /[\p{L}\p{N}]+(?:['’.@_+\-][\p{L}\p{N}]+)*|#/gu;
/** Abbreviations whose full stop is not a sentence end ("Mr. Okafor", "Oak St. Apt 4"). */
const DOTTED = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'ave', 'rd', 'jr', 'sr', 'apt', 'no', 'blvd', 'ln', 'ct', 'mt', 'ft', 'prof', 'pl']);

const cache = new WeakMap<TurnView, readonly Word[]>();

/** Words of `turn.text` (cached per TurnView). */
export function turnWords(turn: TurnView): readonly Word[] {
  let words = cache.get(turn);
  if (!words) {
    words = scanWords(turn.text);
    cache.set(turn, words);
  }
  return words;
}

/** Scans a text into words. Exported for the tests. */
export function scanWords(text: string): Word[] {
  const out: Word[] = [];
  let prevEnd = 0;
  let prevLower = '';
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const word = m[0];
    let pause = false;
    let sentence = out.length === 0;
    for (let i = prevEnd; i < start; i++) {
      const c = text.charCodeAt(i);
      // . ? ! end a sentence, except the dot of an abbreviation like "Mr." or "St."
      if (c === 46 /* . */) {
        // ...and the dot of an initial ("Lucía J. Gutierrez").
        if (!((DOTTED.has(prevLower) || isInitial(prevLower)) && i === prevEnd)) sentence = true;
      } else if (c === 63 || c === 33 || c === 10) sentence = true;
      else if (c === 44 || c === 58 || c === 59 || c === 40 || c === 41 || c === 8212 || c === 8211 || c === 34) pause = true;
    }
    const lower = word.toLowerCase();
    const first = word.charCodeAt(0);
    out.push({
      text: word,
      lower,
      start,
      end: start + word.length,
      cap: word !== lower && word[0] !== lower[0] && !(first >= 48 && first <= 57),
      pause: pause || sentence,
      sentence,
    });
    prevEnd = start + word.length;
    prevLower = lower;
  }
  return out;
}

function isInitial(lower: string): boolean {
  return lower.length === 1 && lower !== 'i' && lower.toUpperCase() !== lower;
}
