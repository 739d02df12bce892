import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { postalCodeDetector } from './postal-code.js';

const find = (...texts: string[]): string[] => spans(postalCodeDetector, ...texts);

describe('postal code detector', () => {
  it.each([
    ['ZIP after the question', ['And the billing zip code?', 'It is 30517.'], ['1:30517']],
    ['ZIP+4', ['What is the zip code there?', '30517-2044'], ['1:30517-2044']],
    ['spoken ZIP with double', ['and the zip code', 'uh four double seven one three'], ['1:four double seven one three']],
    ['UK postcode spoken letter by letter', ['and the postcode', 'it is s k one four two p q'], ['1:s k one four two p q']],
    ['Canadian postal code spoken', ['and the postal code', 'm five v three l nine'], ['1:m five v three l nine']],
    ['named in the same turn', ['my zip code is 84604 by the way'], ['0:84604']],
    ['UK postcode typed without context', ['The parcel went to SW1A 1AA yesterday.'], ['0:SW1A 1AA']],
    ['UK postcode typed in lower case in chat', ['yeah 47 kingsway, manchester m20 5pg'], ['0:m20 5pg']],
    ['spoken UK postcode right after its town, no question', ['it is leeds, ls six two a b'], ['0:ls six two a b']],
    ['spoken UK district said as one number after the town', ['i live in manchester m twenty five p g'], ['0:m twenty five p g']],
  ])('%s', (_label, texts, expected) => {
    expect(find(...texts)).toEqual(expected);
  });

  it.each([
    ['a five-digit order number', ['Your order number is 48213.']],
    ['a number before the zip is named', ['I paid 12345 before; the zip code is coming']],
    ['a quantity answer to another question', ['How many units?', '30517']],
    ['a gate and a time in lower case', ['meet me at gate a2 6pm']],
    ['a room and a floor in lower case', ['it is room b12 4th floor']],
    ['spoken letters after a town that are no postcode', ['we went to leeds a b c d']],
    ['a two-letter word that is no postcode area', ['in six two a b']],
    ['a campaign code shaped like a postcode', ['There may be a campaign code on the letter.', 'Yes, it says SL67QU.']],
  ])('ignores %s', (_label, texts) => {
    expect(find(...texts)).toEqual([]);
  });
});
