import { describe, expect, it } from 'vitest';
import { buildNormalizedView } from './normalize.js';
import { tokenize } from './tokenizer.js';

function norm(text: string) {
  return buildNormalizedView(text, tokenize(text));
}

/** Maps the first occurrence of `needle` in the normalized text back to the original substring. */
function back(text: string, needle: string): string {
  const v = norm(text);
  const i = v.text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const [s, e] = v.toOriginal(i, i + needle.length);
  return text.slice(s, e);
}

describe('buildNormalizedView', () => {
  it.each([
    ['four one one one double five triple seven', '411155777'],
    ['oh nine twenty seven', '0927'],
    ['it expires twenty twenty seven', 'it expires 2027'],
    ['born in nineteen eighty five', 'born in 1985'],
    ['six hundred sixty two northgate drive', '662 northgate drive'],
    ['six hundred and sixty two', '662'],
    ['call one eight hundred skyline', 'call 1800 skyline'],
    ['john dot smith at gmail dot com', 'john.smith@gmail.com'],
    ['g o n z a l e z', 'gonzalez'],
    ['G-O-N-Z-A-L-E-Z', 'GONZALEZ'],
    ['one ninety two dot one sixty eight dot one dot ten', '192.168.1.10'],
    ['nusrat dot swift eight oh at g m x dot d e', 'nusrat.swift80@gmx.de'],
    ['emilio underscore costa at i cloud dot com', 'emilio_costa@icloud.com'],
    ['b seven s eight z oh', 'b7s8z0'],
    ['march twenty second sixty three', 'march 22nd 63'],
    ['y a s m i n r u n n e r twenty nine', 'yasminrunner29'],
    ['four o one', '401'],
  ])('%s -> %s', (input, expected) => {
    expect(norm(input).text).toBe(expected);
  });

  it.each([
    ['oh okay i see'],
    ['I will be there at noon.'],
    ['Order 4111 shipped, see you at the store'],
    ['wait a second please'],
    ['double check that'],
  ])('leaves ordinary speech alone: %s', (input) => {
    expect(norm(input).text).toBe(input);
  });

  it('maps every rewritten span back to exactly the words that carried it', () => {
    expect(back('my card is four one one one two two', '1112')).toBe('one one one two');
    expect(back('email john dot smith at gmail dot com thanks', 'john.smith@gmail.com')).toBe('john dot smith at gmail dot com');
    expect(back('spell it g o n z a l e z please', 'gonzalez')).toBe('g o n z a l e z');
    expect(back('number one eight hundred five five five', '800')).toBe('eight hundred');
    expect(back('Card 4111 1111, thanks', '1111,')).toBe('1111,');
  });
});
