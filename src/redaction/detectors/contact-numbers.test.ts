import { describe, expect, it } from 'vitest';
import { a, c, found } from './detector-test-kit.test-helpers.js';
import { detectConversation } from '../engine/detect.js';
import type { Turn } from '../types.js';

describe('phone detector', () => {
  it.each([
    [[a('call us at 1-800-555-0199 any time')], ['1-800-555-0199']],
    [[a('or dial 1-800-SKYLINE')], ['1-800-SKYLINE']],
    [[a('the number is one eight hundred skyline')], ['one eight hundred skyline']],
    [[c('my cell is (449) 870-0522')], ['(449) 870-0522']],
    [[c('reach me on +44 20 7946 0958')], ['+44 20 7946 0958']],
    [[c('it is nine four nine nine one three oh two two eight')], ['nine four nine nine one three oh two two eight']],
    [[a('I am sending a code to the phone ending in 0134')], ['0134']],
    [[c('plus four four seven nine one one one two three four five six')], ['plus four four seven nine one one one two three four five six']],
    // A bare answer to "what number should we text", though the agent's turn before named times and prices.
    [[a('Delivery is $3.99 and it goes out between 10:00 AM and 2:00 PM.'), a('What number should we text when it is ready?'), c('825-926-0364.')], ['825-926-0364']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'PHONE')).toEqual(expected);
  });

  it('joins a phone number dictated in chunks over several turns, and its read-back, into entities', () => {
    const turns = [a('okay what is your phone number'), c('seven one five'), c('one three nine'), c('zero seven eight seven'), a('seven one five'), a('one three nine zero seven eight seven'), c("that's correct")];
    const found = detectConversation(turns).filter((f) => f.type === 'PHONE');
    expect(found.map((f) => f.turn)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(found.slice(0, 3).map((f) => f.entityId)).size).toBe(1);
  });

  it.each([
    [[a("what's the order number"), c('740-0195810-3046308')]],
    [[a('how many do you need'), c('three hundred'), c('maybe four hundred')]],
    [[a('the total is 1,800 dollars')]],
    [[a('your one-time code is 884213')]],
    [[a('flight UA 1234 leaves at 10:30')]],
    [[a('please hold while I transfer you to extension 4412')]],
    [[c('I have 2 cards, 1 expired')]],
    [[a('Is your handset IMEI the same? You can dial *#06# to see it.'), c('It says 868107257459382.')]],
  ] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'PHONE')).toEqual([]);
    expect(found(turns, 'CREDIT_CARD')).toEqual([]);
  });
});

describe('email detector', () => {
  it.each([
    ['priya.rivera25@aol.com', 'priya.rivera25@aol.com'],
    ['it is john dot smith at gmail dot com thanks', 'john dot smith at gmail dot com'],
    ['send it to m chowdhury at mail dot com please', 'm chowdhury at mail dot com'],
    ['t a k u m i dot p a t e l four one at i cloud dot com', 't a k u m i dot p a t e l four one at i cloud dot com'],
    ['emilio underscore costa at outlook dot co dot uk', 'emilio underscore costa at outlook dot co dot uk'],
    ['it is john.smith at gmail.com', 'john.smith at gmail.com'],
    ['email me at jsmith at yahoo', 'jsmith at yahoo'],
  ])('%s', (text, expected) => {
    expect(found([c(text)], 'EMAIL')).toEqual([expected]);
  });

  it.each([['meet me at the office dot'], ['I am at home, dot com bubble'], ['version 2.0 at noon'], ['I work at yahoo'], ["that's at gmail.com"]])('leaves %s visible', (text) => {
    expect(found([c(text)], 'EMAIL')).toEqual([]);
  });
});

describe('IP address detector', () => {
  it.each([
    ['login from 60.66.251.167 today', '60.66.251.167'],
    ['it was one ninety two dot one sixty eight dot one dot ten', 'one ninety two dot one sixty eight dot one dot ten'],
    ['eight point two hundred thirty point forty six point one hundred twenty nine', 'eight point two hundred thirty point forty six point one hundred twenty nine'],
    ['from 2001:db8::8a2e:370:7334.', '2001:db8::8a2e:370:7334'],
    ['240e:6c2e:7b7b:80cc:ef94:1adb:0:18ec', '240e:6c2e:7b7b:80cc:ef94:1adb:0:18ec'],
    ['go to ten dot zero dot oh dot one thirty eight', 'ten dot zero dot oh dot one thirty eight'],
    ['it shows f e eight zero double colon eight five one f colon nine one f f', 'f e eight zero double colon eight five one f colon nine one f f'],
  ])('%s', (text, expected) => {
    expect(found([c(text)], 'IP_ADDRESS')).toEqual([expected]);
  });

  it.each([['the meeting is at 10:30:00'], ['version 10.2.0.1 is out'], ['it costs 1.5 or 2.25'], ['256.1.1.1']])('leaves %s visible', (text) => {
    expect(found([c(text)], 'IP_ADDRESS')).toEqual([]);
  });
});

describe('IBAN detector', () => {
  it.each([
    [[c('my IBAN is DE89 3704 0044 0532 0130 00.')], ['DE89 3704 0044 0532 0130 00']],
    [[c('GB82WEST12345698765432')], ['GB82WEST12345698765432']],
    [[a('please read me your iban'), c('n l nine one a b n a oh four one seven one six four three oh oh')], ['n l nine one a b n a oh four one seven one six four three oh oh']],
    // dictated over two turns with "got it" in between: one entity
    [[a('the iban please'), c('GB82 WEST 1234'), a('got it'), c('5698 7654 32')], ['GB82 WEST 1234', '5698 7654 32']],
  ] as Array<[Turn[], string[]]>)('%j', (turns, expected) => {
    expect(found(turns, 'IBAN')).toEqual(expected);
  });

  it.each([[[c('the part number is AB12 3456 7890 1234')]], [[c('flight BA12 departs at 9')]]] as Array<[Turn[]]>)('leaves %j visible', (turns) => {
    expect(found(turns, 'IBAN')).toEqual([]);
  });
});
