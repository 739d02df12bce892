import { describe, expect, it } from 'vitest';
import type { Turn } from '../types.js';
import { buildConversationView } from './conversation.js';
import { continuation } from './dictation.js';
import { digitRuns } from './digit-runs.js';
import { isAbout, isNegative, numberContext } from './subject.js';

/** Context of the first digit run of the last turn. */
function contextOfLast(turns: Turn[]) {
  const conv = buildConversationView(turns);
  const turn = conv.turns[turns.length - 1]!;
  const run = digitRuns(turn)[0]!;
  return numberContext(conv, turn.index, run.start, run.end);
}
const a = (text: string): Turn => ({ speaker: 'agent', text });
const c = (text: string): Turn => ({ speaker: 'customer', text });

describe('numberContext', () => {
  it('takes the closest keyword before the number', () => {
    const ctx = contextOfLast([a('let me confirm: account ending in 8763, routing 021000021')]);
    expect(ctx.near).toBe('account');
    const conv = buildConversationView([a('let me confirm: account ending in 8763, routing 021000021')]);
    const [, routing] = digitRuns(conv.turns[0]!);
    expect(numberContext(conv, 0, routing!.start, routing!.end).near).toBe('routing');
  });

  it('reads the question the answer follows, skipping interjections, ignoring qualifying nouns', () => {
    expect(isAbout(contextOfLast([a("what's the mobile number on the account?"), c('it is 415 555 0134')]), 'phone')).toBe(true);
    expect(isAbout(contextOfLast([a("what's the mobile number on the account?"), c('it is 415 555 0134')]), 'account')).toBe(false);
    expect(isAbout(contextOfLast([a('and the security code on the card?'), c('mm'), a('go ahead'), c('482')]), 'cvv')).toBe(true);
  });

  it('knows amounts, identifiers and times are not sensitive', () => {
    expect(isNegative(contextOfLast([c('the order number is 123456')]))).toBe(true);
    expect(isNegative(contextOfLast([c('it was $45 on tuesday')]))).toBe(true);
    expect(isNegative(contextOfLast([c('see you at 10 pm')]))).toBe(true);
    expect(isNegative(contextOfLast([c('my card is 4111 1111 1111 1111')]))).toBe(false);
  });
});

describe('continuation', () => {
  it('follows a dictation across acknowledgements and stops at a real question', () => {
    const conv = buildConversationView([c('4111 1111'), a('okay'), c('1111'), a('mm-hmm'), c('1111'), a('and the expiry?'), c('0927')]);
    const pieces = continuation(conv, 0, 19);
    expect(pieces.map((p) => p.turn)).toEqual([2, 4]);
  });
});
