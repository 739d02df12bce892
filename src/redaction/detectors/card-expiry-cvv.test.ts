import { describe, expect, it } from 'vitest';
import { a, c, found } from './detector-test-kit.test-helpers.js';
import type { Turn } from '../types.js';

describe('card expiry detector', () => {
  it.each([
    [[a('and the expiration date?'), c('09/27')], ['09/27']],
    [[a('when does the card expire'), c('oh nine twenty seven')], ['oh nine twenty seven']],
    [[c('it expires September 2027')], ['September 2027']],
    [[c('exp 11/2030 and the cvv is 123')], ['11/2030']],
    [[c('Card: 4111-1111-1111-1111 Exp: 12/26 CVV: 123')], ['12/26']],
    [[a("what's the expiry on the card"), c('march twenty twenty nine')], ['march twenty twenty nine']],
    [[a('expiration month and year'), c('ten twenty eight')], ['ten twenty eight']],
    [[a('expiration'), c('oh nine slash twenty seven')], ['oh nine slash twenty seven']],
    [[a('and when does it expire'), c('nine twenty seven')], ['nine twenty seven']],
    [[c('it expires in twenty twenty eight')], ['twenty twenty eight']],
    [[a('when does it expire'), c("it's oh four"), a('yep'), c('twenty nine')], ['oh four', 'twenty nine']],
    [[a('expiry date please'), c('04'), a('okay'), c('2029')], ['04', '2029']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'CARD_EXPIRY')).toEqual(expected);
  });

  it.each([
    [[a('your delivery is on 10/29')]],
    [[a('we have an opening in September 2027')]],
    [[c('I moved here in june twenty nineteen')]],
    [[a('the new plan starts 01/25')]],
    [[a('when does it expire'), c('12'), a('and how many cards do you have?'), c('2')]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'CARD_EXPIRY')).toEqual([]);
  });
});

describe('card CVV detector', () => {
  it.each([
    [[a('and the security code on the back?'), c("it's 482")], ['482']],
    [[a('can I get the CVV'), c('four one two')], ['four one two']],
    [[a("what's the c v v"), c('three four one')], ['three four one']],
    [[c('the three digits on the back are 058')], ['058']],
    [[a('card number please'), c('4111 1111 1111 1111 and the code is 123')], ['123']],
    [[a('last thing, the four digit code on the front of the amex'), c('6251')], ['6251']],
    // Said in pieces over two turns with the agent's "mm-hmm" between: every piece, not the interjection.
    [[a('and the security code on the back?'), c('8...'), a('Mm-hmm.'), c('26.')], ['8', '26']],
    [[a('the three digit code on the back'), c('four'), a('okay'), c('one one')], ['four', 'one one']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'CARD_CVV')).toEqual(expected);
  });

  it.each([
    [[c('I ordered 3 items for 482 dollars')]],
    [[a('your verification code is 482913')]],
    [[a('room 412 is ready')]],
    [[a('I texted you a code, what is it?'), c('the code is 4471')]],
    [[a('what is the security code'), c('$250')]],
    [[a('what is the security code'), c('2'), a('sorry?'), c('I have 2 cards, which one?')]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'CARD_CVV')).toEqual([]);
  });
});
