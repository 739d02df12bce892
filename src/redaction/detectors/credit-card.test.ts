import { describe, expect, it } from 'vitest';
import { detectConversation } from '../engine/detect.js';
import type { Turn } from '../types.js';

/** Texts of the CREDIT_CARD findings, per turn. */
function cards(turns: Turn[]): string[] {
  return detectConversation(turns)
    .filter((f) => f.type === 'CREDIT_CARD')
    .map((f) => (turns[f.turn] as Turn).text.slice(f.start, f.end));
}
const a = (text: string): Turn => ({ speaker: 'agent', text });
const c = (text: string): Turn => ({ speaker: 'customer', text });

describe('credit card detector', () => {
  it.each([
    ['visa 16, typed', [c('my card is 4111 1111 1111 1111 thanks')], ['4111 1111 1111 1111']],
    ['mastercard 2-series', [c('use 2223-0031-2200-3222 please')], ['2223-0031-2200-3222']],
    ['amex 15', [c('it is 3782 822463 10005')], ['3782 822463 10005']],
    ['19-digit card', [c('the number is 4000000000000000006')], ['4000000000000000006']],
    ['spoken with double and oh', [a('can I have the long number on the card'), c('four one one one double one one one one one one one one one one oh')], ['four one one one double one one one one one one one one one one oh']],
    ['partial: card ending in', [a('I see a visa ending in 4821 on file')], ['4821']],
    ['cc# abbreviation', [c('cc# 5500005555555559 exp 0926')], ['5500005555555559']],
    ['last four asked', [a('what are the last four digits of the card'), c('seven seven oh one')], ['seven seven oh one']],
    // fail closed: Luhn fails but the card number was asked for
    ['misheard digit in payment context', [a('please read me the card number'), c('4111 1111 1111 1112')], ['4111 1111 1111 1112']],
    ['a Luhn-valid PAN after a money word', [c("i'd like to pay. it's 4111 1111 1111 1111")], ['4111 1111 1111 1111']],
  ] as Array<[string, Turn[], string[]]>)('%s', (_name, turns, expected) => {
    expect(cards(turns)).toEqual(expected);
  });

  it('joins a number dictated over several turns into one entity, leaving the interjections alone', () => {
    const turns = [a('what is the card number'), c('5555 5555'), a('mm-hmm'), c('then 5555'), a('okay go ahead'), c('4444 that is all')];
    const found = detectConversation(turns).filter((f) => f.type === 'CREDIT_CARD');
    expect(found.map((f) => f.turn)).toEqual([1, 3, 5]);
    expect(new Set(found.map((f) => f.entityId)).size).toBe(1);
    expect(found.every((f) => f.explanation.validated === true)).toBe(true);
    expect(found.some((f) => f.turn === 2 || f.turn === 4)).toBe(false);
  });

  it('keeps following the dictation when the agent only waits ("take your time")', () => {
    const turns = [a('can i get the card number'), c('hold on let me grab it'), a('sure take your time'), c('ok it is four one one one'), a('okay'), c('one one one one'), a('mm-hmm'), c('one one one one one one one one')];
    const found = detectConversation(turns).filter((f) => f.type === 'CREDIT_CARD');
    expect(found.map((f) => f.turn)).toEqual([3, 5, 7]);
    expect(new Set(found.map((f) => f.entityId)).size).toBe(1);
  });

  it.each([
    ['a card limit', [a('the card has a limit of 5000')]],
    ['a year after a card mention', [c("I've had the card since 2015 and it always worked")]],
    ['a ZIP code after a partial card number', [a('I have your card on file ending in 1234, and the billing zip 60614')]],
    ['order number', [a("what's the order number"), c('4111111111111111')]],
    ['tracking number, Luhn-failing', [c('tracking 1234 5678 9012 3456')]],
    ['a price', [c('it cost $1,499.99 in total')]],
    ['address number after a card mention', [a('a new card will be mailed to 2592 Alder Ave is that right')]],
    ['confirmation number read out', [a('your confirmation number is 5512 8871 2209')]],
    ['a long random number without context', [c('the serial is 9876543210123456')]],
  ] as Array<[string, Turn[]]>)('leaves %s visible', (_name, turns) => {
    expect(cards(turns).filter((t) => t !== '1234')).toEqual([]);
  });
});
