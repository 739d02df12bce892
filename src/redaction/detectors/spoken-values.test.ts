import { describe, expect, it } from 'vitest';
import { a, c, foundWithTurn as found } from './detector-test-kit.test-helpers.js';
import type { Turn } from '../types.js';

/** Spoken IBANs, emails, expiry dates and vanity numbers as ASR writes them; with negatives. */

describe('spoken IBANs', () => {
  // IT60 X054 2811 1010 0000 0123 456 (27, letter in the BBAN), IE29 AIBK 9311 5212 3456 78 (22),
  // AE07 0331 2345 6789 0123 456 (23, all digits), AD12 0001 2030 2003 5910 0100 (24).
  it.each([
    ['Italy, a letter inside', 'i t six oh x oh five four two eight one one one oh one oh oh oh oh oh oh one two three four five six'],
    ['Ireland, four letters', 'i e two nine a i b k nine three one one five two one two three four five six seven eight'],
    ['UAE, 23 characters', 'a e oh seven oh three three one two three four five six seven eight nine oh one two three four five six'],
    ['Andorra, "double" inside', 'a d one two double oh oh one two oh three oh two oh oh three five nine one oh oh one oh oh'],
  ])('%s', (_name, spoken) => {
    expect(found([a("What's the IBAN?"), c(`sure ${spoken}`)], 'IBAN')).toEqual([`1:${spoken}`]);
  });

  it('does not read "i think" or "a b c" as a country code', () => {
    expect(found([c('i t t a b c two four')], 'IBAN')).toEqual([]);
  });
});

describe('spoken emails', () => {
  it.each([
    ['a leading common word', 'hello dot priya at outlook dot com'],
    ['a spelled country ending', 'marek dot nowak at shaw dot c a'],
    ['a spelled two-letter provider and ending', 'hello dot tomasz at w p dot p l'],
    ['a name with a spoken number and "dot f m"', 'kofi eighty one at fastmail dot f m'],
    ['initials between dots', 'ana dot r dot nineteen at hotmail dot c a'],
  ])('%s', (_name, spoken) => {
    expect(found([a('And your email?'), c(`it's ${spoken}`)], 'EMAIL')).toEqual([`1:${spoken}`]);
  });

  it.each([
    ['a greeting before the address', [c('hello my email is tom at gmail dot com')], ['0:tom at gmail dot com']],
    ['a place said with "at"', [c("i'm at the mall dot com")], []],
    ['an address spelled letter by letter with "as in"', [c('Let me spell it: D as in dog, A, W, N, 0, 0, at gmail.com.')], ['0:D as in dog, A, W, N, 0, 0, at gmail.com']],
    ['a spelled address with a spoken dot', [c('T, dot, N as in Nancy, G, U, Y, E, N, at btinternet.com.')], ['0:T, dot, N as in Nancy, G, U, Y, E, N, at btinternet.com']],
    ['"we are at gmail" is no address', [c('we are at gmail')], []],
  ] as Array<[string, Turn[], string[]]>)('%s', (_name, turns, expected) => {
    expect(found(turns, 'EMAIL')).toEqual(expected);
  });
});

describe('expiry said like a clock time', () => {
  it.each([
    ['after "expires"', [c('it expires four twenty nine')], ['0:four twenty nine']],
    ['after "good through" on a card', [a('and the visa is good until when'), c('good through eleven thirty')], ['1:eleven thirty']],
    ['answering the expiry question', [a('and the expiration date'), c('six twenty eight')], ['1:six twenty eight']],
  ] as Array<[string, Turn[], string[]]>)('%s', (_name, turns, expected) => {
    expect(found(turns, 'CARD_EXPIRY')).toEqual(expected);
  });

  it.each([
    ['a time', [a('what time suits you'), c('three twenty seven works for me')]],
    ['a quote "good until" a day', [a('Your payoff is $2,140.55, good until Nov 18, at 6.1% APR.')]],
    ['a spoken quote date', [a('the payoff quote is good until october twenty one')]],
    ['a day after "expires" that is no card year', [c('my lease expires march ten')]],
  ] as Array<[string, Turn[]]>)('leaves %s alone', (_name, turns) => {
    expect(found(turns, 'CARD_EXPIRY')).toEqual([]);
  });
});

describe('vanity toll-free numbers', () => {
  it.each([
    ['8 letters, typed', [a('Call us at 1-800-SAVE-TREE.')], ['0:1-800-SAVE-TREE']],
    ['8 letters, spoken', [a('you can reach us at one eight hundred save tree anytime')], ['0:one eight hundred save tree']],
    ['7 letters, then a word', [a('call one eight hundred skyline today')], ['0:one eight hundred skyline']],
  ] as Array<[string, Turn[], string[]]>)('%s', (_name, turns, expected) => {
    expect(found(turns, 'PHONE')).toEqual(expected);
  });
});
