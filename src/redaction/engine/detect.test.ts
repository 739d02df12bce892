import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Detector, type Policy, type TypePolicy } from '../types.js';
import { detectConversation, detectText } from './detect.js';
import { resolveOverlaps } from './overlap.js';
import type { Finding } from '../types.js';

function policyWith(overrides: Partial<Record<(typeof ENTITY_TYPES)[number], Partial<TypePolicy>>>): Policy {
  const types = {} as Policy['types'];
  for (const t of ENTITY_TYPES) types[t] = { redact: true, minScore: 0.3, operator: { kind: 'replace' }, ...overrides[t] };
  return { types };
}

function finding(type: Finding['type'], start: number, end: number, score: number): Finding {
  return { type, start, end, turn: 0, score, explanation: { detector: 't', pattern: 'p', baseScore: score, contextBoost: 0, finalScore: score, notes: [] } };
}

describe('detectText / detectConversation', () => {
  it('explains each finding without carrying the value', () => {
    const [f] = detectText('card 4111 1111 1111 1111');
    expect(f).toMatchObject({ type: 'CREDIT_CARD', start: 5, end: 24, turn: 0 });
    expect(f?.explanation).toMatchObject({ detector: 'credit-card', pattern: 'pan-luhn', validated: true });
    expect(JSON.stringify(f)).not.toContain('4111');
  });

  it('gives the answer the context of the agent question', () => {
    const alone = detectConversation([{ speaker: 'customer', text: "it's 482" }]);
    const asked = detectConversation([{ speaker: 'agent', text: "what's the CVV?" }, { speaker: 'customer', text: "it's 482" }]);
    expect(alone).toEqual([]);
    expect(asked.map((f) => f.type)).toEqual(['CARD_CVV']);
  });

  it("adds a detector's context boost from the same turn or the other party's question", () => {
    const nick: Detector = {
      name: 'nickname',
      types: ['USERNAME'],
      context: { USERNAME: /\b(?:username|login)\b/ },
      detect: (conv) => conv.turns.flatMap((t) => (t.text.includes('zed42') ? [{ type: 'USERNAME' as const, turn: t.index, start: t.text.indexOf('zed42'), end: t.text.indexOf('zed42') + 5, pattern: 'p', baseScore: 0.2 }] : [])),
    };
    const plain = detectConversation([{ speaker: 'customer', text: 'zed42' }], { detectors: [nick] });
    const asked = detectConversation([{ speaker: 'agent', text: "what's your username?" }, { speaker: 'customer', text: 'zed42' }], { detectors: [nick] });
    expect(plain).toEqual([]); // 0.2 is under the fallback minimum score
    expect(asked).toEqual([expect.objectContaining({ type: 'USERNAME', turn: 1, score: 0.55, explanation: expect.objectContaining({ contextBoost: 0.35 }) })]);
  });

  it('drops types the policy does not redact and findings under its minimum score', () => {
    const text = 'number 4111 1111 1111 1111, mail priya@aol.com';
    expect(detectText(text, { policy: policyWith({ EMAIL: { redact: false } }) }).map((f) => f.type)).toEqual(['CREDIT_CARD']);
    expect(detectText(text, { policy: policyWith({ CREDIT_CARD: { minScore: 0.99 } }) }).map((f) => f.type)).toEqual(['EMAIL']);
  });
});

describe('overlap rule', () => {
  it('lets the longer span win and trims the other to what lies outside it', () => {
    const text = 'aaaa bbbb cccc dddd';
    const out = resolveOverlaps([finding('PHONE', 5, 14, 0.9), finding('ADDRESS', 0, 9, 0.5), finding('POSTAL_CODE', 10, 14, 1)], [text]);
    expect(out.map((f) => [f.type, f.start, f.end])).toEqual([
      ['ADDRESS', 0, 4],
      ['PHONE', 5, 14],
    ]);
    expect(out[0]?.explanation.notes).toContain('trimmed-by-overlap');
  });

  it('breaks ties on equal spans by score, then type priority', () => {
    const text = '1234567890';
    expect(resolveOverlaps([finding('PHONE', 0, 10, 0.7), finding('BANK_ACCOUNT', 0, 10, 0.9)], [text]).map((f) => f.type)).toEqual(['BANK_ACCOUNT']);
    expect(resolveOverlaps([finding('PHONE', 0, 10, 0.9), finding('CREDIT_CARD', 0, 10, 0.9)], [text]).map((f) => f.type)).toEqual(['CREDIT_CARD']);
  });
});
