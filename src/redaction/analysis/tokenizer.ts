import type { Token } from '../types.js';

/**
 * Words are runs of letters and digits, with an inner apostrophe kept ("it's", "o'brien").
 * Hyphens, dots and other punctuation split words, so "G-O-N-Z-A-L-E-Z" gives one token per letter
 * and a typed "1-800-555-0199" gives its digit groups; offsets always point into the original text.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    tokens.push({ text: word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length });
  }
  return tokens;
}
