import { buildConversationView } from '../analysis/conversation.js';
import { detectConversation } from '../engine/detect.js';
import type { Detector, EntityType, Turn } from '../types.js';

/**
 * Runs a detector on a conversation given as alternating agent/customer texts and returns what it
 * found as "turn:text" strings, for table-driven tests.
 */
export function spans(detector: Detector, ...texts: string[]): string[] {
  const turns = texts.map((text, i) => ({ speaker: i % 2 === 0 ? 'agent' : 'customer', text }));
  const view = buildConversationView(turns);
  return detector
    .detect(view)
    .sort((a, b) => a.turn - b.turn || a.start - b.start)
    .map((c) => `${c.turn}:${(texts[c.turn] as string).slice(c.start, c.end)}`);
}

/** An agent turn / a customer turn, for conversation tables. */
export const a = (text: string): Turn => ({ speaker: 'agent', text });
export const c = (text: string): Turn => ({ speaker: 'customer', text });

/** What the whole engine finds of one type, as the covered texts in order. */
export function found(turns: Turn[], type: EntityType): string[] {
  return engineFindings(turns, type).map((f) => (turns[f.turn] as Turn).text.slice(f.start, f.end));
}

/** Like `found`, as "turn:text" strings, for tables where the turn matters (split values). */
export function foundWithTurn(turns: Turn[], type: EntityType): string[] {
  return engineFindings(turns, type).map((f) => `${f.turn}:${(turns[f.turn] as Turn).text.slice(f.start, f.end)}`);
}

function engineFindings(turns: Turn[], type: EntityType) {
  return detectConversation(turns).filter((f) => f.type === type);
}
