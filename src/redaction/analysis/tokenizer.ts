import type { Token } from '../types.js';

/**
 * Words are runs of letters and digits, with an inner apostrophe kept ("it's", "o'brien").
 * Hyphens, dots and other punctuation split words, so "G-O-N-Z-A-L-E-Z" gives one token per letter
 * and a typed "1-800-555-0199" gives its digit groups; offsets always point into the original text.
 * A hand-written scanner (ASCII fast path): this runs on every turn, so it avoids regex overhead.
 */
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false; // emoji and other astral symbols
  return NON_ASCII_WORD_CHAR.test(text[i] as string);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i += 1;
      continue;
    }
    const start = i;
    i += 1;
    for (;;) {
      while (i < n && isWordChar(text, i)) i += 1;
      // An apostrophe followed by a letter continues the word ("it's"), not a digit or a space.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1) && !/\d/.test(text[i + 1] as string)) {
        i += 2;
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: i });
  }
  return tokens;
}
