import { describe, expect, it } from 'vitest';
import type { Detector, Turn } from '../types.js';
import { detectConversation } from './detect.js';

const a = (text: string): Turn => ({ speaker: 'agent', text });
const c = (text: string): Turn => ({ speaker: 'customer', text });

describe('detection security properties', () => {
  it('never puts a detected value in a finding (explanations name detector and pattern only)', () => {
    const turns = [
      a('card number please'),
      c('4111 1111 1111 1111'),
      a('and your social'),
      c('219-09-9999'),
      c('email me at priya.rivera25@aol.com, my cell is 415 555 0134'),
    ];
    const findings = detectConversation(turns);
    expect(findings.length).toBeGreaterThanOrEqual(4);
    const serialized = JSON.stringify(findings);
    for (const value of ['4111', '219-09', 'priya', '0134']) expect(serialized).not.toContain(value);
  });

  it('fails closed: a throwing detector redacts the whole turn it failed on, never passes it through', () => {
    const throwsOnDigits: Detector = {
      name: 'throws-on-digits',
      types: ['CREDIT_CARD'],
      detect(conv) {
        if (conv.turns.some((t) => /\d/.test(t.text))) throw new RangeError('catastrophic backtracking');
        return [];
      },
    };
    const turns = [a('what is the card number'), c('4111 1111 1111 1111'), a('thanks')];
    const findings = detectConversation(turns, { detectors: [throwsOnDigits] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'CREDIT_CARD', turn: 1, start: 0, end: turns[1]!.text.length, score: 1 });
    expect(findings[0]?.explanation.notes).toEqual(['detector-failed']);
  });

  it('redacts a payment-context digit run even when its checksum fails (a misheard digit must not leak the rest)', () => {
    const findings = detectConversation([a("what's the long number on the card"), c('five five five five four four four four three three three three two two two one')]);
    expect(findings).toEqual([expect.objectContaining({ type: 'CREDIT_CARD', explanation: expect.objectContaining({ validated: false }) })]);
  });
});
