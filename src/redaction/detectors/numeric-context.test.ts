import { describe, expect, it } from 'vitest';
import { a, c, foundWithTurn as found } from './detector-test-kit.test-helpers.js';
import type { EntityType, Turn } from '../types.js';

/**
 * Over-redaction from context: a topic (bank, CVV, birth date) answered in one turn does not make
 * the next turn's numbers sensitive; a generic "the number is" takes its meaning from the noun
 * before it. Each case has a positive twin so the rule cannot pass by finding nothing.
 */

describe('a topic does not stay on after it was answered', () => {
  it.each([
    ['a billing year after the account number', 'BANK_ACCOUNT', [a('And the account number?'), c('Account number 40917735.'), a('Thanks. The first payment goes out on March 3, 2025.')], ['1:40917735']],
    ['a spoken year after the account number', 'BANK_ACCOUNT', [a('and the account number'), c('account number four oh nine one seven seven three five'), a('done the first payment is on june second twenty twenty five')], ['1:four oh nine one seven seven three five']],
    ['a model year after the CVV', 'CARD_CVV', [a('and the security code'), c('security code is six one two'), a('noted the vehicle was a 2023 civic with low mileage')], ['1:six one two']],
    ['a login date after the birth date', 'DATE_OF_BIRTH', [a('Can you confirm your date of birth?'), c('My date of birth is April 2, 1979.'), a('I see a sign-in on October 12th at 4:10 PM. Was that you?')], ['1:April 2, 1979']],
  ] as Array<[string, EntityType, Turn[], string[]]>)('%s', (_name, type, turns, expected) => {
    expect(found(turns, type)).toEqual(expected);
  });

  it('does not follow an account read-back into the agent\'s next sentence', () => {
    const turns = [a('and the account number'), c('four oh nine one seven seven three five'), a('so that is the account ending in seven seven three five right'), c('yes'), a('done your plan starts on may ninth twenty twenty six')];
    expect(found(turns, 'BANK_ACCOUNT')).toEqual(['1:four oh nine one seven seven three five', '2:seven seven three five']);
  });

  it('does not follow an account number into the answer to a new question', () => {
    const turns = [a('Account number?'), c('556677889'), a('Ok, and how much do you want to transfer?'), c('2500')];
    expect(found(turns, 'BANK_ACCOUNT')).toEqual(['1:556677889']);
  });

  it('still answers an open question', () => {
    expect(found([a('And the account number?'), c('40917735')], 'BANK_ACCOUNT')).toEqual(['1:40917735']);
    expect(found([a('Your date of birth?'), c('April 2, 1979.')], 'DATE_OF_BIRTH')).toEqual(['1:April 2, 1979']);
  });
});

describe('"the number is" after a named identifier', () => {
  it.each([
    ['a prescription number, typed', [c('I need a refill on my prescription, the number is 4471902-53.')]],
    ['a prescription number, spoken', [c('refill my prescription the number is six four four one nine oh two five three')]],
  ] as Array<[string, Turn[]]>)('leaves %s visible', (_name, turns) => {
    expect(found(turns, 'PHONE')).toEqual([]);
  });

  it.each([
    ['after an address sentence', [a('The address is 12 Elm Street. The number is 415-555-0143.')], ['0:415-555-0143']],
    ['a text confirmation "to the number ending in"', [a("I'll text a confirmation to the number ending in 0143.")], ['0:0143']],
  ] as Array<[string, Turn[], string[]]>)('still finds a phone %s', (_name, turns, expected) => {
    expect(found(turns, 'PHONE')).toEqual(expected);
  });
});

describe('typos in context words', () => {
  it('reads "seucrity code" as the security code', () => {
    expect(found([a('And the CVV?'), c('seucrity code is 4410.')], 'CARD_CVV')).toEqual(['1:4410']);
  });
});

describe('references named after an account or a request stay visible', () => {
  it.each([
    ['a council tax account reference', 'BANK_ACCOUNT', [a('Do you have your council tax account reference? It is on your bill.'), c("Yes, it's 67704385.")], []],
    ['its twin: a bank account number', 'BANK_ACCOUNT', [a('And the bank account number for the direct debit?'), c("Yes, it's 67704385.")], ['1:67704385']],
    ['a request number', 'PHONE', [a("I've mailed a confirmation. Your request number is 106269052.")], []],
    ['"acc number" is an account number', 'BANK_ACCOUNT', [a('Same bank as before?'), c('Yes, same bank. The acc number is 86006577')], ['1:86006577']],
  ] as Array<[string, EntityType, Turn[], string[]]>)('%s', (_name, type, turns, expected) => {
    expect(found(turns, type)).toEqual(expected);
  });
});
