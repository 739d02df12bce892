import { describe, expect, it } from 'vitest';
import { addressDetector } from './address.js';
import { spans } from './detector-test-kit.test-helpers.js';

const find = (...texts: string[]): string[] => spans(addressDetector, ...texts);

describe('address detector: one span from house number to postcode', () => {
  it.each([
    ['US, formatted', 'Please send it to 4410 Quillfeather Lane, Apt 7C, Bozeman, MT 59715.', '0:4410 Quillfeather Lane, Apt 7C, Bozeman, MT 59715'],
    ['US, chat lowercase with a state abbreviation after a comma', 'it is 88 n 31st ave, duluth, mn now', '0:88 n 31st ave, duluth, mn'],
    ['US, spoken numbers', 'it is three hundred twelve saltmarsh road unit four b albany new york one two two oh seven', '0:three hundred twelve saltmarsh road unit four b albany new york one two two oh seven'],
    ['US, spoken, city and state only', 'please mail it to nine oh one brackenridge boulevard el paso texas thanks', '0:nine oh one brackenridge boulevard el paso texas'],
    ['UK with a flat first and a postcode', 'It is Flat 3, 27 Wrenfield Close, Leeds LS6 2QT.', '0:Flat 3, 27 Wrenfield Close, Leeds LS6 2QT'],
    ['UK, spoken, town from the lexicon', 'send it to twelve harrow crescent bristol', '0:twelve harrow crescent bristol'],
    ['spoken, a town not in the lexicon ends the turn', 'no i moved it is eleven sixty four quarry avenue tillamookville now', '0:eleven sixty four quarry avenue tillamookville'],
    ['street type first, postcode after a comma', 'They are at 14 Rue Marcel Pagnol, 75011.', '0:14 Rue Marcel Pagnol, 75011'],
    ['US federal district', 'It is 900 Ellery Avenue NW, Washington, DC 20001.', '0:900 Ellery Avenue NW, Washington, DC 20001'],
    ['French street type with particles, lowercase chat', 'it is 88 rue des tilleuls, unit 4, gatineau, qc j8t 3r2', '0:88 rue des tilleuls, unit 4, gatineau, qc j8t 3r2'],
    ['spoken UK postcode after a town', 'it is fourteen harrow wynd kelso t d five seven a a', '0:fourteen harrow wynd kelso t d five seven a a'],
    ['range house number and direction', 'The venue is at 210-214 West Harlan Street Northwest.', '0:210-214 West Harlan Street Northwest'],
    ['UK flat after a house number said first', 'my flat is 4b, 19 kelso gardens, glasgow G12 8QQ', '0:19 kelso gardens, glasgow G12 8QQ'],
    ['trailing unit code', 'The office is at 55 Tamarack Drive B12.', '0:55 Tamarack Drive B12'],
    ['UK street with no street type, then town and postcode', "It's 47 Kingsway, Manchester M20 5PG.", '0:47 Kingsway, Manchester M20 5PG'],
    ['UK street with no street type, flat first, lowercase chat', 'flat 3, 22 holloway, bath ba2 4hl', '0:flat 3, 22 holloway, bath ba2 4hl'],
    ['UK street with no street type, spoken', 'forty seven kingsway manchester m two oh five p g', '0:forty seven kingsway manchester m two oh five p g'],
    ['spoken UK postcode with a two-letter area and a district number', 'twelve hyde park road leeds ls six two a b', '0:twelve hyde park road leeds ls six two a b'],
    ['UK district, then town and postcode', 'It is 220 Holburn Street, Rosemount, Aberdeen AB10 2XA.', '0:220 Holburn Street, Rosemount, Aberdeen AB10 2XA'],
    ['UK street with no street type, district and a known town', 'No, I moved to 61 Moorgate, Brixton, London.', '0:61 Moorgate, Brixton, London'],
    ['a street that is its own type, spoken', 'thirty three parkway sheffield', '0:thirty three parkway sheffield'],
    ['spoken UK district said as one number', 'fourteen harrow road manchester m twenty five p g', '0:fourteen harrow road manchester m twenty five p g'],
    ['a district the lexicons do not know, then a known town', 'it is one ninety six ecclesall road crookes sheffield s one one two z a', '0:one ninety six ecclesall road crookes sheffield s one one two z a'],
    ['a district that is an English word, with the postcode after the town', 'its now 446 cardigan road, chapel allerton, leeds ls1 7gp', '0:446 cardigan road, chapel allerton, leeds ls1 7gp'],
    ['a spoken unit number with "and"', 'thirty two seventy three broadway apartment eight hundred and fifty two raleigh north carolina', '0:thirty two seventy three broadway apartment eight hundred and fifty two raleigh north carolina'],
    ['a house-number letter said as a word', 'no i moved to two twelve a hope street glasgow', '0:two twelve a hope street glasgow'],
    ["Calgary's numbered avenues with a quadrant", '52 17 Avenue SW Unit 301.', '0:52 17 Avenue SW Unit 301'],
    ['a range of house numbers around a spaced dash', 'Their address is 27 - 31 Charing Cross Road, and their number is listed.', '0:27 - 31 Charing Cross Road'],
    ['a comma between the number and a street type said first', 'The address is 49-51, Jalan Hang Lekiu, 50100.', '0:49-51, Jalan Hang Lekiu, 50100'],
    ['a sentence run into the house number with no space', 'Tickets are bought.1 Lincoln Financial Field Way is the venue.', '0:1 Lincoln Financial Field Way'],
    ['a PO box with its town and state', 'Sure, P.O. Box 2692, Fort Wayne, IN.', '0:P.O. Box 2692, Fort Wayne, IN'],
    ['a rural route, chat', 'yeah, its rr 4 box 459, savannah, ga 31416', '0:rr 4 box 459, savannah, ga 31416'],
    ['a rural route, spoken, with a spoken ZIP+4', "yeah it's rural route one box one seventy seven dubuque iowa five two oh two four five three two nine", '0:rural route one box one seventy seven dubuque iowa five two oh two four five three two nine'],
    ['a spoken UK postcode with "double"', 'forty one cowbridge road cardiff cf double one seven f y', '0:forty one cowbridge road cardiff cf double one seven f y'],
  ])('%s', (_label, text, expected) => {
    expect(find(text)).toEqual([expected]);
  });

  it('raises the score when the agent asked for the address', () => {
    const turns = ['what is the new address', 'forty two wallaby way'];
    expect(find(...turns)).toEqual(['1:forty two wallaby way']);
  });
});

describe('address detector: negatives', () => {
  it.each([
    ['a quantity', 'I ordered 3 pairs of running shoes.'],
    ['a price', 'It costs $45 at the Park Avenue store.'],
    ['a city on its own', 'I live in Portland, Oregon.'],
    ['a street name without a number', 'The shop on Harbor Road is closed.'],
    ['a number followed by a function word', 'I have 2 cards and a loan.'],
    ['a count of rooms', 'It has 3 bedrooms 2 baths and a view.'],
    ['a spoken phone number before "extension"', 'the direct line is six oh four two zero six two eight three four extension six four nine zero'],
    ['digits before "extension"', 'call 4155550134 extension 12'],
    ['a quantity of a product before a town and postcode', 'I bought 3 Widgets, London E8 4QJ is the depot.'],
    ['a firmware version with "point"', 'it says smart hub two firmware two point one point four'],
    ['an everyday word with no type before a town', 'We shipped 47 Blankets, Manchester depot has the rest.'],
    ['a box that is no PO box', 'The box is 4 inches wide, put the post in box 3.'],
    ['a spoken reference of letters and digits', 'the reference is two eight s d p five four two double nine eight'],
  ])('%s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });
});

it('an English word before a known town, with no postcode after it, is no district', () => {
  expect(find('There is an apartment at 135 Freeway Drive called Bristol Apartments.')).toEqual(['0:135 Freeway Drive']);
});

describe('address detector: an address said over two turns', () => {
  it('joins the town and postcode of the next turn to a street that ended its turn', () => {
    expect(find('Where are you moving from?', "It's 69 17 Avenue SW...", 'Right.', 'Calgary AB, T1X 8K0.')).toEqual(['1:69 17 Avenue SW', '3:Calgary AB, T1X 8K0']);
    expect(find('where are you moving from', 'its ninety one young street', 'okay go on', 'newcastle upon tyne n e four nine n h')).toEqual([
      '1:ninety one young street',
      '3:newcastle upon tyne n e four nine n h',
    ]);
  });

  it('leaves a postcode asked for on its own, and a turn after another question, out of the address', () => {
    expect(find('what is the address', '14 Harrow Road', 'and the postcode?', 'LS6 2QT')).toEqual(['1:14 Harrow Road']);
    expect(find('what is the address', '14 Harrow Road', 'and which city were you born in?', 'Leeds')).toEqual(['1:14 Harrow Road']);
  });
});
