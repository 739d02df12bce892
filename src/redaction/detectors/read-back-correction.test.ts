import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { readBackCorrectionDetector } from './read-back-correction.js';

/** Turns alternate agent / customer, starting with the agent. */
const find = (...texts: string[]): string[] => spans(readBackCorrectionDetector, ...texts);

describe('read-back corrections take the type of the value read back', () => {
  it.each([
    [
      'account read back with a misheard digit, corrected by its ending, confirmed',
      ["What's your account number?", '00123456789', 'Let me read that back: 00123456798?', 'No, it ends 6789.', 'Sorry about that, ending 6789, updated.'],
      ['2:00123456798', '3:6789', '4:6789'],
    ],
    ['last four of a social, swapped digits', ['Can I have the last four of your social?', "It's 6789.", "So that's 6798?", 'No, 6789.'], ['2:6798', '3:6789']],
    ['card ending read back, corrected in words', ['that s the card ending double oh four oh', 'no triple oh four'], ['1:triple oh four']],
    ['card ending read back, corrected in digits', ["That's the card ending 6476?", 'No, 6467.'], ['1:6467']],
    ['phone read back, corrected by the last group', ['And the best number to reach you?', "It's 415 555 0134.", 'Is that 415 555 0143?', 'No, 0134.'], ['2:415 555 0143', '3:0134']],
    ['phone corrected after "sorry"', ['What number should we call?', '0437 336 775', 'Is that 0437 336 778?', 'Sorry, it ends 775.'], ['2:0437 336 778', '3:775']],
  ])('%s', (_label, texts, expected) => {
    expect(find(...texts)).toEqual(expected);
  });
});

describe('read-back corrections: what stays visible', () => {
  it.each([
    ['a quantity corrected', ['So that is 3 tickets?', 'No, 2 of them.']],
    ['a time corrected', ['The appointment is at 4 pm?', 'No, at 5 pm.']],
    ['an order number read back and corrected', ['Your order number is 448812?', 'No, it ends 8821.']],
    ['an amount corrected', ['That is $45.20 for the month?', 'No, 4520 is the total.']],
    ['a "no" long after the card was read back', ["That's the card ending 6476?", 'Yes.', 'How many tickets?', 'Two.', 'And the seats?', 'No, 1142 and 1143 are taken.']],
    ['a value given in answer is left to its own detector', ["What's your account number?", '00123456789']],
  ])('%s', (_label, texts) => {
    expect(find(...texts)).toEqual([]);
  });
});
