import { describe, expect, it } from 'vitest';
import { a, c, found } from './detector-test-kit.test-helpers.js';
import { detectConversation } from '../engine/detect.js';
import type { EntityType, Turn } from '../types.js';

describe('SSN detector', () => {
  it.each([
    [[c('my social is 219-09-9999')], ['219-09-9999']],
    [[a('and your social security number'), c('two one nine oh nine nine nine nine nine')], ['two one nine oh nine nine nine nine nine']],
    [[a('last four of your social'), c('6789')], ['6789']],
    [[c('SSN 078 05 1120')], ['078 05 1120']],
    // ASR puts commas where the caller paused
    [[c('my social security number is one two three, four five, six seven eight nine')], ['one two three, four five, six seven eight nine']],
    // written AAA-GG-SSSS with no context word is still an SSN
    [[c('here you go 536-22-8870')], ['536-22-8870']],
    // fail closed: an invalid one where it was asked for
    [[a('what is your ssn'), c('000-12-3456')], ['000-12-3456']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'SSN')).toEqual(expected);
  });

  it.each([
    [[c('order 219099999 please')]],
    [[c('invalid shapes 666-12-3456 and 912-34-5678')]],
    [[a('the total is 1234')]],
    [[c("I've been on social security since 2019")]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'SSN')).toEqual([]);
  });
});

describe('routing number and bank account detectors', () => {
  it('finds both in a read-back, with the ABA checksum', () => {
    const turns = [a('let me confirm: account ending in 8763, routing 021000021, checking or savings?')];
    expect(found(turns, 'BANK_ACCOUNT')).toEqual(['8763']);
    expect(found(turns, 'ROUTING_NUMBER')).toEqual(['021000021']);
    const routing = detectConversation(turns).find((f) => f.type === 'ROUTING_NUMBER');
    expect(routing?.explanation.validated).toBe(true);
  });

  it.each([
    [[a('what is the routing number on your checks'), c('oh two one oh oh oh oh two one')], 'ROUTING_NUMBER', ['oh two one oh oh oh oh two one']],
    [[a('and the checking account number'), c('its 0012345678901')], 'BANK_ACCOUNT', ['0012345678901']],
    [[a('and your savings account number please'), c('eight eight four two nine one seven')], 'BANK_ACCOUNT', ['eight eight four two nine one seven']],
  ] as Array<[Turn[], EntityType, string[]]>)('%j', (turns, type, expected) => {
    expect(found(turns, type)).toEqual(expected);
  });

  it.each([
    [[a('your account balance is $1,250.33')]],
    [[a('I can see 3 payments on the account')]],
    [[c("I've had this account since 2015")]],
    [[a("what's your account number"), c('sorry i meant my order, 123456789')]],
    [[c('the mandate reference is 884291733')]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'BANK_ACCOUNT')).toEqual([]);
    expect(found(turns, 'ROUTING_NUMBER')).toEqual([]);
  });
});

describe('date of birth detector', () => {
  it.each([
    [[a('and your date of birth'), c('march third nineteen eighty five')], ['march third nineteen eighty five']],
    [[c('I was born on 04/01/1985')], ['04/01/1985']],
    [[c('DOB is 5th of September, 1966')], ['5th of September, 1966']],
    [[c('bday 03.03.1985')], ['03.03.1985']],
    [[a('For verification, what year were you born?'), c('1979')], ['1979']],
    [[a('can you confirm your birthday'), c('ten six ninety two')], ['ten six ninety two']],
    [[c('my date of birth is October 13th, 1961')], ['October 13th, 1961']],
    [[a("What is Faith's date of birth?"), c('jul 25 2002.'), a("And Vikram's?"), c('5/26/17.')], ['jul 25 2002', '5/26/17']],
    [[a('what is your date of birth'), c('june 5 1959'), a('and the appointment date?'), c('may 5 2025')], ['june 5 1959']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'DATE_OF_BIRTH')).toEqual(expected);
  });

  it.each([
    [[a('your delivery is scheduled for March 3, 2025')]],
    [[a('we have an opening on june ten at ten')]],
    [[c('I paid on 04/01/2024')]],
    [[a('date of birth please'), c('sure, hold on'), a('the appointment is on May 5')]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'DATE_OF_BIRTH')).toEqual([]);
  });
});
