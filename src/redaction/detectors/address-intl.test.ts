import { describe, expect, it } from 'vitest';
import { addressDetector } from './address.js';
import { spans } from './detector-test-kit.test-helpers.js';

const find = (...texts: string[]): string[] => spans(addressDetector, ...texts);

describe('address detector: Australian, Irish and Indian postcodes end the address span', () => {
  it.each([
    ['AU suburb, state abbreviation, postcode', 'We are at Unit 4, 22 Lorikeet Parade, Marrickville NSW 2204.', '0:Unit 4, 22 Lorikeet Parade, Marrickville NSW 2204'],
    ['AU chat, no unit', 'so its 9 Bottlebrush Street, Carlton VIC 3053 thanks', '0:9 Bottlebrush Street, Carlton VIC 3053'],
    ['AU spoken, full state name, "double"', 'it is forty one ironbark street toowong queensland four oh double six', '0:forty one ironbark street toowong queensland four oh double six'],
    ['AU spoken, two-word state', 'sure twelve grevillea place perth western australia six oh oh oh', '0:twelve grevillea place perth western australia six oh oh oh'],
    ['IE Dublin district and Eircode', 'It is 7 Larkfield Grove, Rathmines, Dublin 6, D06 K2X4.', '0:7 Larkfield Grove, Rathmines, Dublin 6, D06 K2X4'],
    ['IE town and Eircode without a space', '12 Mill Road, Ennis, Clare, V95XT29', '0:12 Mill Road, Ennis, Clare, V95XT29'],
    ['IE spoken Eircode', 'sure eighty one harbour road salthill galway h nine one a four w two', '0:eighty one harbour road salthill galway h nine one a four w two'],
    ['IE spoken Dublin district then Eircode', 'its six ardee road ranelagh dublin six d oh six f eight n five', '0:six ardee road ranelagh dublin six d oh six f eight n five'],
    ['IN locality, city, PIN', 'Flat 12, 40 Station Road, Aundh, Pune 411007.', '0:Flat 12, 40 Station Road, Aundh, Pune 411007'],
    ['IN PIN said in two groups', 'It is 3 Church Road, Shivajinagar, Pune 411 005.', '0:3 Church Road, Shivajinagar, Pune 411 005'],
  ])('%s', (_label, text, expected) => {
    expect(find(text)).toEqual([expected]);
  });
});

describe('address detector: what follows a street is not taken without a postcode of its shape', () => {
  it.each([
    ['a quantity after the street', 'Deliver to 14 Acacia Road. Newtown has 2042 people.', '0:14 Acacia Road'],
    ['an amount-sized number after a city (not a PIN)', 'It is 5 Mill Road, Pune and I paid 4110.', '0:5 Mill Road'],
    ['four digits with no Australian state before them', 'It is 22 Lorikeet Parade Marrickville 2204 dollars', '0:22 Lorikeet Parade'],
    ['a phone after the address', 'its twelve grevillea place perth and my number is six oh oh oh', '0:twelve grevillea place perth'],
  ])('%s', (_label, text, expected) => {
    expect(find(text)).toEqual([expected]);
  });
});
