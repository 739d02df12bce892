import { describe, expect, it } from 'vitest';
import { a, c, foundWithTurn as found } from './detector-test-kit.test-helpers.js';
import type { EntityType, Turn } from '../types.js';
import { HeardNumbers } from './phone-memory.js';

/** Values that come back in another shape: read-backs with a slip, endings, false starts; spoken IPv6. */

describe('HeardNumbers', () => {
  const heard = new HeardNumbers();
  heard.add('6175550143');
  it.each([
    ['the same number', (h: HeardNumbers) => h.matches('6175550143'), true],
    ['a read-back with two digits misheard', (h: HeardNumbers) => h.matches('6175550413'), true],
    ['another number', (h: HeardNumbers) => h.matches('2125557788'), false],
    ['its ending', (h: HeardNumbers) => h.endsOne('0143'), true],
    ['its ending with one slip', (h: HeardNumbers) => h.endsOne('0148'), true],
    ['another ending', (h: HeardNumbers) => h.endsOne('7788'), false],
    ['a false start', (h: HeardNumbers) => h.startsOne('61755'), true],
    ['a false start with a slip', (h: HeardNumbers) => h.startsOne('61575'), true],
    ['not its start', (h: HeardNumbers) => h.startsOne('212'), false],
  ])('%s', (_name, test, expected) => {
    expect(test(heard)).toBe(expected);
  });
});

describe('phone numbers heard before', () => {
  it('covers a misheard read-back and the corrections by ending', () => {
    const turns = [a('Is there a mobile we can text?'), c("It's 617 555 0143."), a('Let me read that back: 617 555 0413?'), c('No, it ends 0143.'), a('Sorry, ending 0143, fixed.')];
    expect(found(turns, 'PHONE')).toEqual(['1:617 555 0143', '2:617 555 0413', '3:0143', '4:0143']);
  });

  it('leaves an unrelated ending alone', () => {
    const turns = [a('Is there a mobile we can text?'), c("It's 617 555 0143."), a('Your order ends 7788, right?'), a('And the confirmation number ending 0148 is yours.')];
    expect(found(turns, 'PHONE')).toEqual(['1:617 555 0143']);
  });

  it('leaves an extension visible', () => {
    expect(found([a('Our billing office is 604-555-0187, extension 2231.')], 'PHONE')).toEqual(['0:604-555-0187']);
  });
});

describe('false starts', () => {
  it.each([
    ['an SSN', 'SSN', [a('Your social, please?'), c('Okay, 318... sorry, let me start again. 318-40-2257.')], ['1:318', '1:318-40-2257']],
    ['a spoken SSN', 'SSN', [a('your social please'), c('okay three one eight sorry let me start again three one eight four oh two two five seven')], ['1:three one eight', '1:three one eight four oh two two five seven']],
    ['a phone number', 'PHONE', [a('Best number to reach you?'), c("It's 0412 77... sorry, let me start again. +61 412 775 301.")], ['1:0412 77', '1:+61 412 775 301']],
  ] as Array<[string, EntityType, Turn[], string[]]>)('covers the abandoned start of %s', (_name, type, turns, expected) => {
    expect(found(turns, type)).toEqual(expected);
  });

  it('does not take an amount before a correction for the value', () => {
    const turns = [c('I paid 25 dollars, sorry, I mean the card is 4111 1111 1111 1111.'), c('The total is 45, sorry, my card is 4111 1111 1111 1111.')];
    expect(found(turns, 'CREDIT_CARD')).toEqual(['0:4111 1111 1111 1111', '1:4111 1111 1111 1111']);
  });
});

describe('spoken IPv6', () => {
  it('reads "colon" between hex groups', () => {
    const spoken = 'two oh oh one colon d b eight colon seven seven three three colon colon a nine d';
    expect(found([a(`it should show up as ${spoken} on your network`)], 'IP_ADDRESS')).toEqual([`0:${spoken}`]);
  });

  it('does not make a time of "two colon thirty" an address', () => {
    expect(found([c('see you at two colon thirty')], 'IP_ADDRESS')).toEqual([]);
  });
});
