import { describe, expect, it } from 'vitest';
import { a, c, foundWithTurn as found } from './detector-test-kit.test-helpers.js';
import { detectConversation } from '../engine/detect.js';
import type { Turn } from '../types.js';

/**
 * Card, account and phone numbers dictated in chunks, whatever the other party says in between:
 * every chunk is covered (one entity), the other party's words stay visible. Also the hard
 * negatives around card numbers (ICCIDs, named references, "+" phone numbers).
 */

const ASK = a('Please read me the card number.');
// 5238 7401 9263 5187 (Mastercard 16, Luhn-valid), split in four.
const chunks = (between: string[]): Turn[] => {
  const pieces = ['5238', '7401', '9263', '5187'];
  const turns = [ASK];
  pieces.forEach((p, i) => {
    turns.push(c(`${p}.`));
    if (i < pieces.length - 1) turns.push(a((between[i % between.length] as string).replace('$P', p)));
  });
  return turns;
};
const ALL_FOUR = ['1:5238', '3:7401', '5:9263', '7:5187'];

describe('card number dictated in chunks', () => {
  it.each([
    ['back-channel', ['Okay.']],
    ['a prompt for the next set', ['Alright, what comes next?']],
    ['a prompt naming the count', ['Got that, the next four please?']],
    ['ordinal group prompts', ['Second group?', 'Third group?', 'And the final group?']],
    ['a stall', ['Hang on, my system is slow.']],
    ['an apology', ['Sorry, please continue.']],
    ['the last-four prompt', ['Okay.', 'Okay.', 'And the last four?']],
  ])('covers every chunk after %s', (_name, between) => {
    expect(found(chunks(between), 'CREDIT_CARD')).toEqual(ALL_FOUR);
  });

  it('covers the agent echoing each chunk, and keeps it one entity', () => {
    const turns = chunks(['$P, got it.']);
    const cards = detectConversation(turns).filter((f) => f.type === 'CREDIT_CARD');
    expect(cards.map((f) => f.turn)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(cards.map((f) => f.entityId)).size).toBe(1);
    expect(cards.every((f) => f.explanation.validated === true)).toBe(true);
  });

  it('counts a chunk repeated on request once and still reaches the last chunk', () => {
    const turns = [ASK, c('5238'), a('Sorry, could you repeat that?'), c('5238'), a('Thanks.'), c('7401 9263'), a('And?'), c('5187')];
    expect(found(turns, 'CREDIT_CARD')).toEqual(['1:5238', '3:5238', '5:7401 9263', '7:5187']);
  });

  it('counts equal groups that were not asked to be repeated ("4111 / 1111 / 1111 / 1111")', () => {
    const turns = [ASK, c('4111'), a('next?'), c('1111'), a('next?'), c('1111'), a('and the last group?'), c('1111')];
    const cards = detectConversation(turns).filter((f) => f.type === 'CREDIT_CARD');
    expect(cards.map((f) => f.turn)).toEqual([1, 3, 5, 7]);
    expect(cards.every((f) => f.explanation.validated === true)).toBe(true);
  });

  it.each([
    ['"first part is" lead-in', [ASK, c('First part is 5238 7401.'), a('Go on.'), c('Then 9263 5187.')], ['1:5238 7401', '3:9263 5187']],
    ['a chunk said with some chatter', [ASK, c('5238 7401'), a('ok'), c("hang on, it's a bit worn, I think the next part is 9263 5187")], ['1:5238 7401', '3:9263 5187']],
    ['a typo in the lead-in', [ASK, c('frist part is 5238'), a('ok'), c('7401 9263 5187')], ['1:5238', '3:7401 9263 5187']],
    ['spoken, with a lead-in', [ASK, c('first part is five two three eight'), a('next set'), c('seven four oh one nine two six three'), a('yep'), c('five one eight seven')], ['1:five two three eight', '3:seven four oh one nine two six three', '5:five one eight seven']],
    ['a 2-digit tail of an 18-digit Maestro', [ASK, c('5018 9274 6301 5284'), a('Got it, anything else?'), c('73')], ['1:5018 9274 6301 5284', '3:73']],
    ['a 5-digit Amex tail', [ASK, c('3745 219806'), a('next?'), c('45314')], ['1:3745 219806', '3:45314']],
    ['a 3-digit tail of a 19-digit UnionPay', [ASK, c('6214 8390 5176 2304'), a('And the rest?'), c('815')], ['1:6214 8390 5176 2304', '3:815']],
  ] as Array<[string, Turn[], string[]]>)('covers %s', (_name, turns, expected) => {
    expect(found(turns, 'CREDIT_CARD')).toEqual(expected);
  });

  it('takes the context from the customer announcing the card ("I want to pay with my visa" / "sure, go ahead")', () => {
    const turns = [c('i want to pay with my visa'), a('sure go ahead'), c('five two three eight seven four oh one'), a('uh huh'), c('nine two six three five one eight seven')];
    expect(found(turns, 'CREDIT_CARD')).toEqual(['2:five two three eight seven four oh one', '4:nine two six three five one eight seven']);
    // ...but not from an announcement the agent answered with a question about something else.
    const other = [c('i want to pay with my visa'), a('sure, what is your zip code first?'), c('60614')];
    expect(found(other, 'CREDIT_CARD')).toEqual([]);
    // ...nor from a complaint about the card.
    const complaint = [c('my card was declined'), a('okay'), c("i've used it since 2019 without problems")];
    expect(found(complaint, 'CREDIT_CARD')).toEqual([]);
  });

  it.each([
    ['the expiry question ends the dictation', [ASK, c('5238 7401'), a('ok'), c('9263 5187'), a('When does it expire?'), c('0927')], ['1:5238 7401', '3:9263 5187']],
    ['a question about the phone ends it', [ASK, c('5238 7401 9263 5187'), a('Thanks. Which phone number should we use?'), c('2125550143')], ['1:5238 7401 9263 5187']],
  ] as Array<[string, Turn[], string[]]>)('stops when %s', (_name, turns, expected) => {
    expect(found(turns, 'CREDIT_CARD')).toEqual(expected);
  });

  it('reads "with last four NNNN" as the last four, not "4NNNN"', () => {
    expect(found([a('So that is the Visa with last four 5187, correct?')], 'CREDIT_CARD')).toEqual(['0:5187']);
    expect(found([a("that's the visa with last four fifty one eighty seven correct")], 'CREDIT_CARD')).toEqual(['0:fifty one eighty seven']);
  });
});

describe('card numbers without context, and numbers that are not cards', () => {
  it.each([
    ['a bare Luhn-valid PAN', [c("It's 5238 7401 9263 5187.")], ['0:5238 7401 9263 5187']],
    ['a bare spoken PAN', [c('its five two three eight seven four oh one nine two six three five one eight seven')], ['0:five two three eight seven four oh one nine two six three five one eight seven']],
    ['a Luhn-failing run in a payment context', [ASK, c('5238 7401 9263 5188')], ['1:5238 7401 9263 5188']],
  ] as Array<[string, Turn[], string[]]>)('redacts %s', (_name, turns, expected) => {
    expect(found(turns, 'CREDIT_CARD')).toEqual(expected);
  });

  it('scores a bare Luhn-valid PAN high and validated', () => {
    const [f] = detectConversation([c('Sure, 5238740192635187.')]);
    expect(f?.type).toBe('CREDIT_CARD');
    expect(f?.explanation.validated).toBe(true);
    expect(f?.score).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['a SIM ICCID', [a('Read me the ICCID on the new SIM card.'), c('8984 0273 1596 0482 717')]],
    ['a spoken SIM ICCID', [a("what's the sim number on the back of the card"), c('eight nine eight four oh two seven three one five nine six oh four eight two seven one seven')]],
    ['a SIM ICCID read in chunks', [a('Read me the SIM number on the card.'), c('8984 0273 1596'), a('ok'), c('0482 717')]],
    ['a tracking number', [c('The tracking number is 5238 7401 9263 5187.')]],
    ['a booking reference', [a('Your booking reference is 5238740192635187.')]],
    ['a year answering "when does the card expire"', [a('when does the card expire'), c('end of twenty twenty eight')]],
    ['a UK phone number with its country code', [a('which phone number?'), c('plus four four one three one seven nine four two nine seven six seven')]],
  ] as Array<[string, Turn[]]>)('leaves %s alone', (_name, turns) => {
    expect(found(turns, 'CREDIT_CARD')).toEqual([]);
  });
});

describe('bank account, SSN and phone dictated in chunks', () => {
  it.each([
    ['typed, with a prompt', [a('Can I have your social security number?'), c("Sure, it's 318"), a('okay'), c('40'), a('and the rest?'), c('2257')], ['1:318', '3:40', '5:2257']],
    ['spoken, in two chunks', [a("what's your ssn"), c('three one eight four oh'), a('got it go on'), c('two two five seven')], ['1:three one eight four oh', '3:two two five seven']],
  ] as Array<[string, Turn[], string[]]>)('covers every chunk of an SSN said %s', (_name, turns, expected) => {
    expect(found(turns, 'SSN')).toEqual(expected);
  });

  it('does not stitch an SSN to a later answer about something else', () => {
    const turns = [a('Your social?'), c('318 40 2257'), a('Thanks. How many people live at the address?'), c('4')];
    expect(found(turns, 'SSN')).toEqual(['1:318 40 2257']);
  });

  it('covers every chunk of an account number whatever the agent says in between', () => {
    const turns = [a('And the account number?'), c("It's 0722"), a('next set?'), c('3815'), a('one moment... okay, go on'), c('0091'), a('And the routing number?'), c('112210377')];
    expect(found(turns, 'BANK_ACCOUNT')).toEqual(['1:0722', '3:3815', '5:0091']);
    expect(found(turns, 'ROUTING_NUMBER')).toEqual(['7:112210377']);
  });

  it('covers a phone number given in three chunks with prompts in between', () => {
    const turns = [a("What's the best phone number?"), c('415'), a('Got it, next three?'), c('555'), a('And the last four?'), c('0134')];
    expect(found(turns, 'PHONE')).toEqual(['1:415', '3:555', '5:0134']);
  });
});
